package io.tenantry.bootstrap;

import io.tenantry.adapters.persistence.postgres.PostgresFixture;
import io.tenantry.adapters.persistence.postgres.TestDatabase;
import io.tenantry.application.contract.PersistenceFixture;
import io.tenantry.application.idempotency.IdempotencyStore;
import io.tenantry.application.order.EveryDatabaseOrders;
import io.tenantry.application.order.OrderRepository;
import io.tenantry.application.tenant.TenantDirectory;
import io.tenantry.application.user.UserRepository;
import io.tenantry.kernel.audit.AuditLog;
import io.tenantry.kernel.limits.TierLimits;
import io.tenantry.kernel.testing.TwoTenants;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Tenant A on a database of its own, tenant B on the shared one, and the repositories as the container hands them
 * to business code: one injectable bean per port that reaches the current tenant's database on every call. The
 * contract kits run against these too, so isolation and behaviour hold whichever database a tenant lives in.
 */
final class DedicatedFixture implements PersistenceFixture {

    private static DedicatedFixture shared;

    private final TestDatabase sharedDatabase = TestDatabase.create(4);
    private final TestDatabase ownOfA = TestDatabase.create(2);
    private final TestServer server;

    private DedicatedFixture() {
        server = TestServer.start(sharedDatabase, Duration.ofMillis(2_000), Optional.empty(), TierLimits.defaults(),
                new TenantryConfig.Dedicated(Map.of(TwoTenants.A, ownOfA.settings()), 2));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.tenantry.close();
            ownOfA.close();
            sharedDatabase.close();
        }, "drop-dedicated-databases"));
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
        return sharedDatabase;
    }

    /** The tenants' own databases, to see that every call let go of the one it held. */
    io.tenantry.adapters.persistence.postgres.DedicatedDatabases dedicated() {
        return server.tenantry.bean(DatabaseRuntime.class).dedicated();
    }

    @Override
    public Adapters adapters() {
        var persistence = server.tenantry.bean(DatabaseRuntime.class).persistence();
        return new Adapters(bean(OrderRepository.class), bean(UserRepository.class), bean(TenantDirectory.class),
                bean(AuditLog.class), persistence.audit(), bean(IdempotencyStore.class), bean(EveryDatabaseOrders.class));
    }

    private <T> T bean(Class<T> type) {
        return server.tenantry.bean(type);
    }

    @Override
    public IdempotencyStore idempotency(Clock clock, Duration retention) {
        return bean(IdempotencyStore.class);
    }

    @Override
    public void reset() {
        PostgresFixture.reset(sharedDatabase);
        ownOfA.execute("TRUNCATE order_lines, orders, users, idempotency_keys");
    }
}
