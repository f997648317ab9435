package io.tenantry.adapters.web.json;

import io.tenantry.domain.order.Order;
import io.tenantry.domain.order.OrderLine;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An order as the API shows it; it carries no tenant id. */
public record OrderJson(UUID id, String customer, String status, long totalCents, List<LineJson> lines,
                        Instant createdAt, Instant updatedAt) {

    public static OrderJson from(Order order) {
        return new OrderJson(order.id().value(), order.customer(), order.status().wireName(), order.totalCents(),
                order.lines().stream().map(LineJson::from).toList(), order.createdAt(), order.updatedAt());
    }

    /** One line of an order, in requests and responses. */
    public record LineJson(String sku, Integer quantity, Long unitPriceCents) {

        static LineJson from(OrderLine line) {
            return new LineJson(line.sku(), line.quantity(), line.unitPriceCents());
        }

        public OrderLine toDomain() {
            if (sku == null || quantity == null || unitPriceCents == null) {
                throw new IllegalArgumentException("each line needs 'sku', 'quantity' and 'unitPriceCents'");
            }
            return new OrderLine(sku, quantity, unitPriceCents);
        }
    }
}
