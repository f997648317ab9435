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
 */
public record OrderCursor(Instant createdAt, UUID id) {

    public OrderCursor {
        Objects.requireNonNull(createdAt, "'createdAt' must not be null");
        Objects.requireNonNull(id, "'id' must not be null");
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
            Instant at = Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
            UUID id = UUID.fromString(parts[2]);
            return id.toString().equals(parts[2]) ? Optional.of(new OrderCursor(at, id)) : Optional.empty();
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }
}
