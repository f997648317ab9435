package io.tenantry.bootstrap;

import io.tenantry.adapters.persistence.postgres.TestDatabase;
import io.tenantry.application.contract.Orders;
import io.tenantry.domain.order.Order;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.tenantry.kernel.testing.TwoTenants.MEMBER_A;
import static io.tenantry.kernel.testing.TwoTenants.MEMBER_B;
import static io.tenantry.kernel.testing.TwoTenants.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The repository ports the container hands out reach each tenant's own database, and let go of it after each call. */
class DedicatedRepositoriesTest {

    @Test
    void aTenantWithItsOwnDatabaseWritesOnlyThereThroughTheSameInjectedRepository() {
        DedicatedFixture fixture = DedicatedFixture.get();
        fixture.reset();
        Order ofA = Orders.sample("customer of A");
        Order ofB = Orders.sample("customer of B");
        as(MEMBER_A, () -> fixture.orders().add(ofA));
        as(MEMBER_B, () -> fixture.orders().add(ofB));
        assertEquals("1", fixture.ownOfA().query("SELECT count(*) FROM orders WHERE tenant_id = 'tenant-a'"));
        assertEquals("0", fixture.sharedDatabase().query("SELECT count(*) FROM orders WHERE tenant_id = 'tenant-a'"),
                "nothing of A in the shared database");
        assertEquals("1", fixture.sharedDatabase().query("SELECT count(*) FROM orders WHERE tenant_id = 'tenant-b'"));
        assertEquals("0", fixture.ownOfA().query("SELECT count(*) FROM orders WHERE tenant_id = 'tenant-b'"),
                "nothing of B in A's database");
        assertTrue(as(MEMBER_A, () -> fixture.orders().find(ofA.id())).isPresent());
        assertTrue(as(MEMBER_B, () -> fixture.orders().find(ofA.id())).isEmpty());
        assertEquals(0, fixture.dedicated().holdsNow(), "every call let go of the database it held");
    }

    @Test
    void interleavedCallsOfBothTenantsOnVirtualThreadsEachReachTheirOwnDatabaseAndLetGo() throws Exception {
        DedicatedFixture fixture = DedicatedFixture.get();
        fixture.reset();
        List<Callable<Void>> calls = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            boolean ofA = i % 2 == 0;
            String customer = (ofA ? "A " : "B ") + i;
            calls.add(() -> {
                as(ofA ? MEMBER_A : MEMBER_B, () -> fixture.orders().add(Orders.sample(customer)));
                return null;
            });
        }
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<Void> call : threads.invokeAll(calls)) {
                call.get();
            }
        }
        assertEquals("100", fixture.ownOfA().query("SELECT count(*) FROM orders WHERE customer LIKE 'A %'"));
        assertEquals("0", fixture.ownOfA().query("SELECT count(*) FROM orders WHERE customer LIKE 'B %'"));
        assertEquals("100", fixture.sharedDatabase().query("SELECT count(*) FROM orders WHERE customer LIKE 'B %'"));
        assertEquals("0", fixture.sharedDatabase().query("SELECT count(*) FROM orders WHERE customer LIKE 'A %'"));
        assertEquals(0, fixture.dedicated().holdsNow(), "no hold outlives its call");
    }
}
