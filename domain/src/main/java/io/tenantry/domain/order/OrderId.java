package io.tenantry.domain.order;

import java.util.Objects;
import java.util.UUID;

/** The server-generated id of an order. */
public record OrderId(UUID value) {

    public OrderId {
        Objects.requireNonNull(value, "'orderId' must not be null");
    }

    public static OrderId random() {
        return new OrderId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
