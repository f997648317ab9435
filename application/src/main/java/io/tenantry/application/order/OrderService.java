package io.tenantry.application.order;

import io.tenantry.application.idempotency.IdempotencyKey;
import io.tenantry.application.idempotency.StoredResponse;
import io.tenantry.application.order.OrderUseCases.ChangeOrderStatusUseCase;
import io.tenantry.application.order.OrderUseCases.DeleteOrderUseCase;
import io.tenantry.application.order.OrderUseCases.GetOrderUseCase;
import io.tenantry.application.order.OrderUseCases.ListOrdersUseCase;
import io.tenantry.application.order.OrderUseCases.PlaceOrderUseCase;
import io.tenantry.application.order.OrderUseCases.StatusChangeOutcome;
import io.tenantry.domain.order.Order;
import io.tenantry.domain.order.OrderId;
import io.tenantry.domain.order.OrderStatus;
import io.tenantry.domain.order.StatusChange;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/** The order use cases of the current tenant. Stateless: the tenant comes from the context on every call. */
public final class OrderService implements PlaceOrderUseCase, GetOrderUseCase, ListOrdersUseCase,
        ChangeOrderStatusUseCase, DeleteOrderUseCase {

    private final OrderRepository orders;
    private final Clock clock;

    @Inject
    public OrderService(OrderRepository orders, Clock clock) {
        this.orders = orders;
        this.clock = clock;
    }

    @Override
    public Order place(PlaceOrderCommand command) {
        Order order = Order.place(OrderId.random(), command.customer(), command.lines(), clock.instant());
        orders.add(order);
        return order;
    }

    /**
     * Places an order for a request that holds the claim of {@code key}, storing {@code response} (rendered from
     * the new order) as the key's answer in the same atomic write. Empty when the claim was lost meanwhile.
     */
    public Optional<Order> place(PlaceOrderCommand command, IdempotencyKey key, Function<Order, StoredResponse> response) {
        Order order = Order.place(OrderId.random(), command.customer(), command.lines(), clock.instant());
        return orders.addCompletingClaim(order, key, response.apply(order)) ? Optional.of(order) : Optional.empty();
    }

    @Override
    public Optional<Order> get(OrderId id) {
        return orders.find(id);
    }

    @Override
    public OrderPage list(OrderQuery query) {
        return orders.page(query);
    }

    @Override
    public StatusChangeOutcome changeStatus(OrderId id, OrderStatus next) {
        Optional<Order> current = orders.find(id);
        if (current.isEmpty()) {
            return new StatusChangeOutcome.NotFound();
        }
        return switch (current.get().changeStatus(next, clock.instant())) {
            case StatusChange.Refused refused -> new StatusChangeOutcome.Refused(refused.reason());
            case StatusChange.Changed(Order changed) -> orders.replaceStatus(changed, current.get().status())
                    ? new StatusChangeOutcome.Changed(changed)
                    : new StatusChangeOutcome.Refused("the order changed meanwhile; read it again");
        };
    }

    @Override
    public boolean delete(OrderId id) {
        return orders.delete(id);
    }
}
