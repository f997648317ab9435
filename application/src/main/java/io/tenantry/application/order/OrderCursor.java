package io.tenantry.application.order;

import io.tenantry.domain.order.Order;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a keyset page ends: the creation time and id of its last order, in the list's order (newest first).
 * Opaque to clients; a cursor that does not decode is treated as a bad parameter, not as "start over".
 *
 * <p>Only what {@link #encode()} could have produced decodes: canonical numbers, nanoseconds below a second, a
 * lower-case UUID and a time in years 1 to 9999. The range keeps every cursor within what Java's date-times and
 * PostgreSQL's {@code timestamptz} can hold, so a forged cursor is a 400, never a failure deep in a query.
 *
 * @param createdAt the creation time of the page's last order, in years 1 to 9999
 * @param id        the id of the page's last order
 */
public record OrderCursor(Instant createdAt, UUID id) {

    /** The first instant of year 1. */
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

    /** The last instant of year 9999. */
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    public OrderCursor {
        Objects.requireNonNull(createdAt, "'createdAt' must not be null");
        Objects.requireNonNull(id, "'id' must not be null");
        if (createdAt.isBefore(EARLIEST) || createdAt.isAfter(LATEST)) {
            throw new IllegalArgumentException("'createdAt' must be in years 1 to 9999");
        }
    }

    public static OrderCursor after(Order order) {
        return new OrderCursor(order.createdAt(), order.id().value());
    }

    public String encode() {
        String plain = createdAt.getEpochSecond() + "." + createdAt.getNano() + "." + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    public static Optional<OrderCursor> decode(String encoded) {
        if (encoded == null || encoded.length() > 128) {
            return Optional.empty();
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.US_ASCII);
            String[] parts = plain.split("\\.", 3);
            if (parts.length != 3) {
                return Optional.empty();
            }
            long nanos = Long.parseLong(parts[1]);
            if (nanos < 0 || nanos > 999_999_999) {
                return Optional.empty();
            }
            OrderCursor cursor = new OrderCursor(Instant.ofEpochSecond(Long.parseLong(parts[0]), nanos),
                    UUID.fromString(parts[2]));
            return cursor.encode().equals(encoded) ? Optional.of(cursor) : Optional.empty();
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }
}
