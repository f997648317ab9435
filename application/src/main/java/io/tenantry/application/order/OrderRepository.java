package io.tenantry.application.order;

import io.tenantry.application.idempotency.IdempotencyKey;
import io.tenantry.application.idempotency.StoredResponse;
import io.tenantry.domain.order.Order;
import io.tenantry.domain.order.OrderId;
import io.tenantry.domain.order.OrderStatus;

import java.util.Optional;

/**
 * The current tenant's orders. The tenant is never a parameter: implementations take it from the context, and
 * another tenant's order behaves exactly like one that does not exist.
 */
public interface OrderRepository {

    /** Stores a new order with its lines, atomically. */
    void add(Order order);

    /**
     * Stores a new order and completes the current request's claim of {@code key} with {@code response}, as one
     * atomic write: after a failure (even a commit whose acknowledgement was lost) either both are stored, and a
     * retry with the key replays {@code response}, or neither is, and the retry places the order. False, with
     * nothing stored, when the key is not claimed and in flight.
     */
    boolean addCompletingClaim(Order order, IdempotencyKey key, StoredResponse response);

    Optional<Order> find(OrderId id);

    /** A keyset page, newest first; reads {@code limit + 1} rows to know whether more follow. */
    OrderPage page(OrderQuery query);

    long count();

    /**
     * Stores {@code changed}'s status and update time if the stored order is still in {@code expected}; false when
     * it is not (changed meanwhile, or gone).
     */
    boolean replaceStatus(Order changed, OrderStatus expected);

    /** Whether an order was deleted. Needs the tenant role {@code owner}. */
    boolean delete(OrderId id);
}
