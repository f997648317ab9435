package io.tenantry.adapters.persistence.memory;

import io.tenantry.application.contract.PersistenceFixture;
import io.tenantry.application.idempotency.IdempotencyStore;
import io.tenantry.application.tenant.Tenant;
import io.tenantry.application.tenant.TenantStatus;
import io.tenantry.kernel.context.TenantId;
import io.tenantry.kernel.context.Tier;
import io.tenantry.kernel.testing.TwoTenants;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** The in-memory adapters for the contract kits: a new, empty set on every reset. */
final class InMemoryFixture implements PersistenceFixture {

    private InMemoryPersistence persistence;

    @Override
    public Adapters adapters() {
        return new Adapters(persistence.orders(), persistence.users(), persistence.tenants(), persistence.audit(),
                persistence.audit());
    }

    @Override
    public IdempotencyStore idempotency(Clock clock, Duration retention) {
        return new InMemoryIdempotencyStore(clock, retention);
    }

    @Override
    public void reset() {
        persistence = InMemoryPersistence.create(Clock.systemUTC(), Duration.ofHours(24));
        TwoTenants.as(TwoTenants.ADMIN, () -> persistence.provision(bypass(), List.of(
                new Tenant(TwoTenants.A, "Tenant A", Tier.PRO, TenantStatus.ACTIVE),
                new Tenant(TwoTenants.B, "Tenant B", Tier.FREE, TenantStatus.ACTIVE),
                new Tenant(TenantId.of("platform"), "Platform", Tier.ENTERPRISE, TenantStatus.ACTIVE))));
        // start every test with an empty audit log
        persistence = new InMemoryPersistence(persistence.orders(), persistence.users(), persistence.tenants(),
                new InMemoryAuditLog(), persistence.idempotency());
    }
}
