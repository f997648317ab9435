package io.tenantry.application.contract;

import io.tenantry.domain.order.Order;
import io.tenantry.domain.order.OrderId;
import io.tenantry.domain.order.OrderLine;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Order samples for the contract kits; times are truncated to microseconds as PostgreSQL stores them. */
public final class Orders {

    public static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    private Orders() {
    }

    public static Order sample(String customer) {
        return sample(OrderId.random(), customer, T0);
    }

    public static Order sample(OrderId id, String customer, Instant at) {
        Instant micros = at.truncatedTo(ChronoUnit.MICROS);
        return Order.place(id, customer, List.of(new OrderLine("SKU-1", 2, 1_250), new OrderLine("SKU-2", 1, 99)), micros);
    }
}
