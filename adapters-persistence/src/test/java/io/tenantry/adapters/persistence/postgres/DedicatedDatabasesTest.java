package io.tenantry.adapters.persistence.postgres;

import io.tenantry.application.contract.Orders;
import io.tenantry.domain.order.Order;
import io.tenantry.kernel.testing.TwoTenants;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static io.tenantry.kernel.testing.TwoTenants.MEMBER_A;
import static io.tenantry.kernel.testing.TwoTenants.MEMBER_B;
import static io.tenantry.kernel.testing.TwoTenants.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where rows land with dedicated databases, and the cap on open pools. */
class DedicatedDatabasesTest {

    @Test
    void aTenantWithItsOwnDatabaseWritesOnlyThere() throws Exception {
        DedicatedFixture fixture = DedicatedFixture.get();
        fixture.reset();
        Order ofA = Orders.sample("customer of A");
        Order ofB = Orders.sample("customer of B");
        as(MEMBER_A, () -> fixture.orders().add(ofA));
        as(MEMBER_B, () -> fixture.orders().add(ofB));
        assertEquals(1, ownerCount(fixture.ownOfA(), "tenant-a"));
        assertEquals(0, ownerCount(fixture.sharedDatabase(), "tenant-a"), "nothing of A in the shared database");
        assertEquals(1, ownerCount(fixture.sharedDatabase(), "tenant-b"));
        assertEquals(0, ownerCount(fixture.ownOfA(), "tenant-b"), "nothing of B in A's database");
        assertTrue(as(MEMBER_A, () -> fixture.orders().find(ofA.id())).isPresent());
        assertTrue(as(MEMBER_B, () -> fixture.orders().find(ofA.id())).isEmpty());
    }

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
                assertThrows(IllegalArgumentException.class, () -> dedicated.call(
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

    private static long ownerCount(TestDatabase database, String tenant) throws Exception {
        try (Connection owner = database.asOwner()) {
            return RowLevelSecurityTest.count(owner, "SELECT count(*) FROM orders WHERE tenant_id = '" + tenant + "'");
        }
    }
}
