package io.tenantry.application.order;

import io.tenantry.application.idempotency.Claim;
import io.tenantry.application.idempotency.IdempotencyStore;
import io.tenantry.application.idempotency.StoredResponse;
import io.tenantry.application.order.OrderUseCases.ChangeOrderStatusUseCase;
import io.tenantry.application.order.OrderUseCases.DeleteOrderUseCase;
import io.tenantry.application.order.OrderUseCases.GetOrderUseCase;
import io.tenantry.application.order.OrderUseCases.ListOrdersUseCase;
import io.tenantry.application.order.OrderUseCases.PlaceOnceOutcome;
import io.tenantry.application.order.OrderUseCases.PlaceOrderOnceUseCase;
import io.tenantry.application.order.OrderUseCases.PlaceOrderUseCase;
import io.tenantry.application.order.OrderUseCases.StatusChangeOutcome;
import io.tenantry.domain.order.Order;
import io.tenantry.domain.order.OrderId;
import io.tenantry.domain.order.OrderStatus;
import io.tenantry.domain.order.StatusChange;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.Optional;

/** The order use cases of the current tenant. Stateless: the tenant comes from the context on every call. */
public final class OrderService implements PlaceOrderUseCase, PlaceOrderOnceUseCase, GetOrderUseCase,
        ListOrdersUseCase, ChangeOrderStatusUseCase, DeleteOrderUseCase {

    private final OrderRepository orders;
    private final IdempotencyStore idempotency;
    private final Clock clock;

    @Inject
    public OrderService(OrderRepository orders, IdempotencyStore idempotency, Clock clock) {
        this.orders = orders;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    @Override
    public Order place(PlaceOrderCommand command) {
        Order order = Order.place(OrderId.random(), command.customer(), command.lines(), clock.instant());
        orders.add(order);
        return order;
    }

    /**
     * Claims the key, and places the order only with the claim held, storing its answer in the same write. A failure
     * releases the claim so that a retry may place the order; releasing is a no-op when the order and its answer
     * were committed before the failure.
     */
    @Override
    public PlaceOnceOutcome placeOnce(PlaceOrderOnceCommand command) {
        return switch (idempotency.claim(command.key(), command.requestHash())) {
            case Claim.Replay(StoredResponse stored) -> new PlaceOnceOutcome.Replayed(stored);
            case Claim.InFlight inFlight -> new PlaceOnceOutcome.StillInFlight();
            case Claim.Mismatch mismatch -> new PlaceOnceOutcome.KeyReused();
            case Claim.Claimed claimed -> {
                try {
                    yield placeHoldingTheClaim(command);
                } catch (RuntimeException failure) {
                    idempotency.release(command.key());
                    throw failure;
                }
            }
        };
    }

    private PlaceOnceOutcome placeHoldingTheClaim(PlaceOrderOnceCommand command) {
        Order order = Order.place(OrderId.random(), command.order().customer(), command.order().lines(), clock.instant());
        StoredResponse answer = command.answer().apply(order);
        return orders.addCompletingClaim(order, command.key(), answer)
                ? new PlaceOnceOutcome.Placed(answer) : new PlaceOnceOutcome.StillInFlight();
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
