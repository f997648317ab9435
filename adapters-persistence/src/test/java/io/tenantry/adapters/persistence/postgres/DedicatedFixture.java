package io.tenantry.adapters.persistence.postgres;

import io.tenantry.application.contract.PersistenceFixture;
import io.tenantry.application.idempotency.IdempotencyStore;
import io.tenantry.kernel.testing.TwoTenants;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Tenant A on a database of its own, tenant B on the shared one, behind the tenant-routed repositories: the contract
 * kits run against this too, so isolation and behaviour hold whichever database a tenant lives in.
 */
final class DedicatedFixture implements PersistenceFixture {

    private static DedicatedFixture shared;

    private final PostgresFixture sharedDatabase = PostgresFixture.shared(PostgresFixture.Mode.BOTH);
    private final TestDatabase ownOfA = TestDatabase.create(2);
    private final DedicatedDatabases dedicated;
    private final TenantRoutedRepositories routed;

    private DedicatedFixture() {
        dedicated = new DedicatedDatabases(Map.of(TwoTenants.A, ownOfA.settings()), 4, Clock.systemUTC(), Duration.ofHours(24));
        dedicated.migrate();
        routed = new TenantRoutedRepositories(sharedDatabase.persistence(), dedicated);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dedicated.close();
            ownOfA.close();
        }, "drop-dedicated-database"));
    }

    static synchronized DedicatedFixture get() {
        if (shared == null) {
            shared = new DedicatedFixture();
        }
        return shared;
    }

    TestDatabase ownOfA() {
        return ownOfA;
    }

    TestDatabase sharedDatabase() {
        return sharedDatabase.database();
    }

    @Override
    public Adapters adapters() {
        var persistence = sharedDatabase.persistence();
        return new Adapters(routed.orders(), routed.users(), persistence.tenants(), persistence.audit(), persistence.audit(),
                routed.idempotency());
    }

    @Override
    public IdempotencyStore idempotency(Clock clock, Duration retention) {
        return routed.idempotency();
    }

    @Override
    public void reset() {
        sharedDatabase.reset();
        ownOfA.execute("TRUNCATE order_lines, orders, users, idempotency_keys");
    }
}
