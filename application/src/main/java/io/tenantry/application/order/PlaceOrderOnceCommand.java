package io.tenantry.application.order;

import io.tenantry.application.idempotency.IdempotencyKey;
import io.tenantry.application.idempotency.StoredResponse;
import io.tenantry.domain.order.Order;

import java.util.Objects;
import java.util.function.Function;

/**
 * An order to place at most once for its idempotency key: the same key with the same request gets the first
 * answer again. {@code requestHash} identifies the request (a different one with the same key is refused);
 * {@code answer} renders the response a caller sends for the new order, which is stored with it in one write.
 */
public record PlaceOrderOnceCommand(PlaceOrderCommand order, IdempotencyKey key, String requestHash,
                                    Function<Order, StoredResponse> answer) {

    public PlaceOrderOnceCommand {
        Objects.requireNonNull(order, "'order' must not be null");
        Objects.requireNonNull(key, "'key' must not be null");
        Objects.requireNonNull(requestHash, "'requestHash' must not be null");
        Objects.requireNonNull(answer, "'answer' must not be null");
    }
}
