package io.tenantry.domain.order;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An order of the reference SaaS. It does not carry its tenant: ownership is enforced around it (context, SQL,
 * RLS), never by a field a caller could set.
 */
public record Order(
        OrderId id,
        String customer,
        OrderStatus status,
        List<OrderLine> lines,
        Instant createdAt,
        Instant updatedAt) {

    public static final int MAX_LINES = 100;
    public static final int MAX_CUSTOMER_LENGTH = 200;

    public Order {
        Objects.requireNonNull(id, "'id' must not be null");
        Objects.requireNonNull(status, "'status' must not be null");
        Objects.requireNonNull(createdAt, "'createdAt' must not be null");
        Objects.requireNonNull(updatedAt, "'updatedAt' must not be null");
        customer = requireCustomer(customer);
        lines = List.copyOf(Objects.requireNonNull(lines, "'lines' must not be null"));
        if (lines.isEmpty() || lines.size() > MAX_LINES) {
            throw new IllegalArgumentException("'lines' must hold 1.." + MAX_LINES + " lines");
        }
        if (updatedAt.isBefore(createdAt)) {
            throw new IllegalArgumentException("'updatedAt' must not be before 'createdAt'");
        }
    }

    /** A new open order. */
    public static Order place(OrderId id, String customer, List<OrderLine> lines, Instant now) {
        return new Order(id, customer, OrderStatus.OPEN, lines, now, now);
    }

    /** The sum of the line totals. */
    public long totalCents() {
        long total = 0;
        for (OrderLine line : lines) {
            total = Math.addExact(total, line.totalCents());
        }
        return total;
    }

    /** This order moved to {@code next}, if its status allows it. */
    public StatusChange changeStatus(OrderStatus next, Instant now) {
        Objects.requireNonNull(next, "'status' must not be null");
        if (!status.canMoveTo(next)) {
            return new StatusChange.Refused(status, next);
        }
        Instant updated = now.isBefore(createdAt) ? createdAt : now;
        return new StatusChange.Changed(new Order(id, customer, next, lines, createdAt, updated));
    }

    private static String requireCustomer(String customer) {
        Objects.requireNonNull(customer, "'customer' must not be null");
        String trimmed = customer.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_CUSTOMER_LENGTH) {
            throw new IllegalArgumentException("'customer' must be 1.." + MAX_CUSTOMER_LENGTH + " characters");
        }
        return trimmed;
    }
}
