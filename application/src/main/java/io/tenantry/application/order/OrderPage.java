package io.tenantry.application.order;

import io.tenantry.domain.order.Order;

import java.util.List;
import java.util.Optional;

/** A page of orders and, when more follow, the cursor of the next page. */
public record OrderPage(List<Order> items, Optional<OrderCursor> next) {

    public OrderPage {
        items = List.copyOf(items);
    }

    /** Cuts {@code fetched} (read with one extra row) to {@code limit} and derives the next cursor. */
    public static OrderPage of(List<Order> fetched, int limit) {
        if (fetched.size() <= limit) {
            return new OrderPage(fetched, Optional.empty());
        }
        List<Order> page = fetched.subList(0, limit);
        return new OrderPage(page, Optional.of(OrderCursor.after(page.getLast())));
    }
}
