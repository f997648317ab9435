package io.tenantry.adapters.persistence.postgres;

import io.tenantry.application.contract.Orders;
import io.tenantry.kernel.testing.TwoTenants;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static io.tenantry.kernel.testing.TwoTenants.MEMBER_A;
import static io.tenantry.kernel.testing.TwoTenants.MEMBER_B;
import static io.tenantry.kernel.testing.TwoTenants.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cap on open pools, holds on a tenant's database, and a tenant database that does not answer. */
class DedicatedDatabasesTest {

    @Test
    void openPoolsAreCappedByClosingTheLeastRecentlyUsedIdleOne() {
        try (TestDatabase ofA = TestDatabase.create(1); TestDatabase ofB = TestDatabase.create(1)) {
            DedicatedDatabases dedicated = new DedicatedDatabases(
                    Map.of(TwoTenants.A, ofA.settings(), TwoTenants.B, ofB.settings()), 1, Clock.systemUTC(), Duration.ofHours(1));
            try (dedicated) {
                dedicated.migrate();
                as(MEMBER_A, () -> dedicated.call(TwoTenants.A, database -> {
                    database.orders().add(Orders.sample("a"));
                    return null;
                }));
                assertEquals(1, dedicated.openPools());
                as(MEMBER_B, () -> dedicated.call(TwoTenants.B, database -> {
                    database.orders().add(Orders.sample("b"));
                    return null;
                }));
                assertEquals(1, dedicated.openPools(), "A's idle pool was closed to open B's");
                assertEquals(1L, (long) as(MEMBER_A, () -> dedicated.call(TwoTenants.A, database -> database.orders().count())),
                        "A's pool opens again on demand");
                assertEquals(1, dedicated.openPools());
                assertTrue(dedicated.tenants().stream().noneMatch(io.tenantry.kernel.context.TenantId.of("someone-else")::equals));
                assertThrows(io.tenantry.application.health.DependencyUnavailable.class, () -> dedicated.call(
                        io.tenantry.kernel.context.TenantId.of("someone-else"), database -> database));
            }
        }
    }

    @Test
    void aDatabaseHeldByACallerIsNeverClosedToOpenAnother() {
        try (TestDatabase ofA = TestDatabase.create(1); TestDatabase ofB = TestDatabase.create(1)) {
            DedicatedDatabases dedicated = new DedicatedDatabases(
                    Map.of(TwoTenants.A, ofA.settings(), TwoTenants.B, ofB.settings()), 1, Clock.systemUTC(), Duration.ofHours(1));
            try (dedicated) {
                dedicated.migrate();
                long countedAfterB = dedicated.call(TwoTenants.A, ownOfA -> {
                    // A is held but has no connection checked out: before leases, opening B closed it here
                    as(MEMBER_B, () -> dedicated.call(TwoTenants.B, ownOfB -> ownOfB.orders().count()));
                    return as(MEMBER_A, () -> ownOfA.orders().count());
                });
                assertEquals(0, countedAfterB, "A's database still answers its caller");
                assertEquals(2, dedicated.openPools(), "the cap waited for A's caller: the next pool to open closes A");
            }
        }
    }

    @Test
    void aHoldKeepsTheDatabaseOpenUntilItIsLetGoOnce() {
        try (TestDatabase ofA = TestDatabase.create(1); TestDatabase ofB = TestDatabase.create(1)) {
            DedicatedDatabases dedicated = new DedicatedDatabases(
                    Map.of(TwoTenants.A, ofA.settings(), TwoTenants.B, ofB.settings()), 1, Clock.systemUTC(), Duration.ofHours(1));
            try (dedicated) {
                dedicated.migrate();
                DedicatedDatabases.Held held = dedicated.hold(TwoTenants.A);
                assertEquals(1, dedicated.holdsNow());
                as(MEMBER_B, () -> dedicated.call(TwoTenants.B, ownOfB -> ownOfB.orders().count()));
                assertEquals(0L, (long) as(MEMBER_A, () -> held.database().orders().count()), "A stayed open while held");
                held.close();
                held.close();
                assertEquals(0, dedicated.holdsNow(), "let go once, however often closed");
                assertThrows(IllegalStateException.class, held::database, "a hold let go gives no database");
            }
        }
    }

    @Test
    void aDatabaseThatDoesNotAnswerIsUnavailableToItsTenantAtOnceAndLeftOutOfTheListing() {
        try (TestDatabase ofA = TestDatabase.create(1)) {
            PostgresSettings unreachable = unreachable(ofA.settings());
            DedicatedDatabases dedicated = new DedicatedDatabases(
                    Map.of(TwoTenants.A, ofA.settings(), TwoTenants.B, unreachable), 2, Clock.systemUTC(), Duration.ofHours(1));
            try (dedicated) {
                new SchemaMigrator(ofA.settings()).migrate();
                long started = System.nanoTime();
                io.tenantry.application.health.DependencyUnavailable down = assertThrows(
                        io.tenantry.application.health.DependencyUnavailable.class,
                        () -> as(MEMBER_B, () -> dedicated.call(TwoTenants.B, database -> database.orders().count())));
                long millis = (System.nanoTime() - started) / 1_000_000;
                assertTrue(down.getMessage().contains("the database of tenant-b"), down.getMessage());
                assertTrue(millis < 5_000, "refused within the checkout deadline, not after a long wait: " + millis + " ms");
                assertEquals(0, dedicated.openPools(), "nothing half-open is kept");
                assertEquals(0L, (long) as(MEMBER_A, () -> dedicated.call(TwoTenants.A, database -> database.orders().count())),
                        "positive control: the other tenant's database answers");

                PostgresFixture shared = PostgresFixture.shared(PostgresFixture.Mode.BOTH);
                shared.reset();
                io.tenantry.application.order.NewestOrders newest = as(TwoTenants.ADMIN, () -> shared.bypass().call(
                        new io.tenantry.kernel.audit.BypassRequest("admin.orders.list", "all-tenants", "test"),
                        () -> dedicated.acrossAllDatabases(shared.persistence()).newest(10), listed -> listed.orders().size()));
                assertEquals(java.util.List.of("tenant-b"), newest.unreadable(), "the listing names what it left out");
            }
        }
    }

    @Test
    void theConnectionBudgetBoundsThePoolsTogetherClosingIdleOnesAndRefusingWhileHeldOnesFillIt() {
        try (TestDatabase ofA = TestDatabase.create(1); TestDatabase ofB = TestDatabase.create(1)) {
            int perDatabase = ofA.settings().appPoolSize() + ofA.settings().bypassPoolSize();
            DedicatedDatabases dedicated = new DedicatedDatabases(
                    Map.of(TwoTenants.A, ofA.settings(), TwoTenants.B, ofB.settings()), 8, Clock.systemUTC(),
                    Duration.ofHours(1)).capConnections(perDatabase);
            try (dedicated) {
                dedicated.migrate();
                as(MEMBER_A, () -> dedicated.call(TwoTenants.A, database -> database.orders().count()));
                as(MEMBER_B, () -> dedicated.call(TwoTenants.B, database -> database.orders().count()));
                assertEquals(1, dedicated.openPools(), "A's idle pool was closed: both would not fit, however many pools may be open");
                assertEquals(perDatabase, dedicated.connectionsReserved());

                try (DedicatedDatabases.Held heldB = dedicated.hold(TwoTenants.B)) {
                    io.tenantry.application.health.DependencyUnavailable refused = assertThrows(
                            io.tenantry.application.health.DependencyUnavailable.class,
                            () -> as(MEMBER_A, () -> dedicated.call(TwoTenants.A, database -> database.orders().count())));
                    assertTrue(refused.getMessage().contains("hold all " + perDatabase + " connections"), refused.getMessage());
                    assertEquals(0L, (long) as(MEMBER_B, () -> heldB.database().orders().count()), "the held one still answers");
                }
                assertEquals(perDatabase, dedicated.connectionsReserved(), "never above the budget");
                assertEquals(0L, (long) as(MEMBER_A, () -> dedicated.call(TwoTenants.A, database -> database.orders().count())),
                        "once B is let go, A opens in its place");
                assertEquals(perDatabase, dedicated.connectionsReserved());
            }
        }
    }

    /** The same database and logins at an address where nothing listens. */
    private static PostgresSettings unreachable(PostgresSettings settings) {
        return new PostgresSettings(settings.url().replaceFirst("//[^/]+/", "//127.0.0.1:9/"), settings.migrator(),
                settings.app(), settings.bypass(), 1, 1, false, Duration.ofMillis(500));
    }
}
