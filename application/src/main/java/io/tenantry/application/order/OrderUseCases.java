package io.tenantry.application.order;

import io.tenantry.domain.order.Order;
import io.tenantry.domain.order.OrderId;
import io.tenantry.domain.order.OrderStatus;

import java.util.Optional;

/**
 * The in-ports for the current tenant's orders. Each is a use case of its own so a caller depends only on what
 * it uses; {@link OrderService} implements them all.
 */
public final class OrderUseCases {

    private OrderUseCases() {
    }

    public interface PlaceOrderUseCase {
        Order place(PlaceOrderCommand command);
    }

    public interface GetOrderUseCase {
        Optional<Order> get(OrderId id);
    }

    public interface ListOrdersUseCase {
        OrderPage list(OrderQuery query);
    }

    public interface ChangeOrderStatusUseCase {
        StatusChangeOutcome changeStatus(OrderId id, OrderStatus next);
    }

    public interface DeleteOrderUseCase {
        boolean delete(OrderId id);
    }

    /** What a status change came to. */
    public sealed interface StatusChangeOutcome {
        record Changed(Order order) implements StatusChangeOutcome {
        }

        record NotFound() implements StatusChangeOutcome {
        }

        record Refused(String reason) implements StatusChangeOutcome {
        }
    }
}
