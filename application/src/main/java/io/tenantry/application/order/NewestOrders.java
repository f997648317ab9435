package io.tenantry.application.order;

import java.util.List;
import java.util.Objects;

/**
 * The newest orders of every tenant, and which databases could not be read for them.
 *
 * @param orders      newest first
 * @param unreadable  the databases left out: {@code shared}, or the id of the tenant whose own database it is
 */
public record NewestOrders(List<TenantOrder> orders, List<String> unreadable) {

    /** The name of the shared database in {@link #unreadable()}. */
    public static final String SHARED = "shared";

    public NewestOrders {
        orders = List.copyOf(Objects.requireNonNull(orders, "'orders' must not be null"));
        unreadable = List.copyOf(Objects.requireNonNull(unreadable, "'unreadable' must not be null"));
    }

    /** Every database was read. */
    public boolean complete() {
        return unreadable.isEmpty();
    }
}
