package io.tenantry.domain.order;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where an order is in its life: {@code open → paid → shipped}, and {@code open|paid → cancelled}.
 * Shipped and cancelled are final.
 */
public enum OrderStatus {
    OPEN, PAID, SHIPPED, CANCELLED;

    /** Whether an order in this status may move to {@code next}. */
    public boolean canMoveTo(OrderStatus next) {
        return successors().contains(next);
    }

    private Set<OrderStatus> successors() {
        return switch (this) {
            case OPEN -> Set.of(PAID, CANCELLED);
            case PAID -> Set.of(SHIPPED, CANCELLED);
            case SHIPPED, CANCELLED -> Set.of();
        };
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<OrderStatus> fromWireName(String candidate) {
        for (OrderStatus status : values()) {
            if (status.wireName().equals(candidate)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
