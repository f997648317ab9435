package io.tenantry.application.order;

import io.tenantry.domain.order.OrderLine;

import java.util.List;
import java.util.Objects;

/** What a client asks to order; validated by the domain when the order is placed. */
public record PlaceOrderCommand(String customer, List<OrderLine> lines) {

    public PlaceOrderCommand {
        Objects.requireNonNull(customer, "'customer' must not be null");
        lines = List.copyOf(Objects.requireNonNull(lines, "'lines' must not be null"));
    }
}
