package io.tenantry.application.order;

import io.tenantry.application.idempotency.StoredResponse;
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

    /** Places an order once per idempotency key: the idempotency protocol is the use case's, not the caller's. */
    public interface PlaceOrderOnceUseCase {
        PlaceOnceOutcome placeOnce(PlaceOrderOnceCommand command);
    }

    /** What placing an order once came to; every answer but a refusal is the stored response to send. */
    public sealed interface PlaceOnceOutcome {
        /** Placed now; {@code answer} is stored as the key's answer. */
        record Placed(StoredResponse answer) implements PlaceOnceOutcome {
        }

        /** Placed by an earlier request with this key and this body: its answer again. */
        record Replayed(StoredResponse answer) implements PlaceOnceOutcome {
        }

        /** Another request holding this key is still being processed. */
        record StillInFlight() implements PlaceOnceOutcome {
        }

        /** The key was used with a different request. */
        record KeyReused() implements PlaceOnceOutcome {
        }
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
