package io.tenantry.application.order;

import io.tenantry.domain.order.Order;
import io.tenantry.kernel.context.TenantId;

import java.util.Comparator;
import java.util.Objects;

/** An order together with its tenant: only cross-tenant (audited) reads produce these. */
public record TenantOrder(TenantId tenant, Order order) {

    /** Newest first, ties by id in PostgreSQL's uuid order (which is the order of the ids' text). */
    public static final Comparator<TenantOrder> NEWEST_FIRST = Comparator
            .comparing((TenantOrder tenantOrder) -> tenantOrder.order().createdAt())
            .thenComparing(tenantOrder -> tenantOrder.order().id().value().toString())
            .reversed();

    public TenantOrder {
        Objects.requireNonNull(tenant, "'tenant' must not be null");
        Objects.requireNonNull(order, "'order' must not be null");
    }
}
