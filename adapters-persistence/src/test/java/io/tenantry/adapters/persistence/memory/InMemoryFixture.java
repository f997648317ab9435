package io.tenantry.adapters.persistence.memory;

import io.tenantry.application.contract.PersistenceFixture;
import io.tenantry.application.idempotency.IdempotencyStore;
import io.tenantry.application.tenant.Tenant;
import io.tenantry.application.tenant.TenantStatus;
import io.tenantry.kernel.audit.Bypass;
import io.tenantry.kernel.audit.BypassRequest;
import io.tenantry.kernel.context.TenantId;
import io.tenantry.kernel.context.Tier;
import io.tenantry.kernel.testing.TwoTenants;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** The in-memory adapters for the contract kits: a new, empty set on every reset, with tenants A, B and platform. */
final class InMemoryFixture implements PersistenceFixture {

    private Adapters adapters;

    @Override
    public Adapters adapters() {
        return adapters;
    }

    @Override
    public IdempotencyStore idempotency(Clock clock, Duration retention) {
        return new InMemoryIdempotencyStore(clock, retention);
    }

    @Override
    public void reset() {
        InMemoryTenantDirectory tenants = new InMemoryTenantDirectory();
        InMemoryAuditLog seeding = new InMemoryAuditLog();
        List<Tenant> seed = List.of(new Tenant(TwoTenants.A, "Tenant A", Tier.PRO, TenantStatus.ACTIVE),
                new Tenant(TwoTenants.B, "Tenant B", Tier.FREE, TenantStatus.ACTIVE),
                new Tenant(TenantId.of("platform"), "Platform", Tier.ENTERPRISE, TenantStatus.ACTIVE));
        TwoTenants.as(TwoTenants.ADMIN, () -> new Bypass(seeding, Clock.systemUTC()).call(
                new BypassRequest("tenants.seed", "all-tenants", "contract test setup"), () -> {
                    for (Tenant tenant : seed) {
                        try {
                            tenants.provision(tenant);
                        } catch (io.tenantry.application.tenant.TenantDirectory.TenantAlreadyExists impossible) {
                            throw new IllegalStateException(impossible);
                        }
                    }
                    return seed.size();
                }, Integer::longValue));
        InMemoryAuditLog audit = new InMemoryAuditLog();
        InMemoryIdempotencyStore claims = new InMemoryIdempotencyStore(Clock.systemUTC(), Duration.ofHours(24));
        InMemoryOrderRepository orders = new InMemoryOrderRepository(claims);
        adapters = new Adapters(orders, new InMemoryUserRepository(), tenants, audit, audit, claims,
                limit -> new io.tenantry.application.order.NewestOrders(orders.listAcrossTenants(limit), java.util.List.of()));
    }
}
