package io.tenantry.application.order;

import io.tenantry.domain.order.Order;
import io.tenantry.kernel.context.TenantId;

import java.util.Objects;

/** An order together with its tenant: only cross-tenant (audited) reads produce these. */
public record TenantOrder(TenantId tenant, Order order) {

    public TenantOrder {
        Objects.requireNonNull(tenant, "'tenant' must not be null");
        Objects.requireNonNull(order, "'order' must not be null");
    }
}
