package io.tenantry.application.order;

import io.tenantry.domain.order.OrderStatus;

import java.util.Objects;
import java.util.Optional;

/**
 * One page of the current tenant's orders, newest first.
 *
 * @param limit  1..100 orders
 * @param after  where the previous page ended, if any
 * @param status only orders in this status, if given
 */
public record OrderQuery(int limit, Optional<OrderCursor> after, Optional<OrderStatus> status) {

    public static final int MAX_LIMIT = 100;
    public static final int DEFAULT_LIMIT = 20;

    public OrderQuery {
        Objects.requireNonNull(after, "'after' must not be null");
        Objects.requireNonNull(status, "'status' must not be null");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("'limit' must be between 1 and " + MAX_LIMIT);
        }
    }

    public static OrderQuery first(int limit) {
        return new OrderQuery(limit, Optional.empty(), Optional.empty());
    }
}
