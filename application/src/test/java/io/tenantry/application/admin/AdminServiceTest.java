package io.tenantry.application.admin;

import io.tenantry.application.order.EveryDatabaseOrders;
import io.tenantry.application.order.NewestOrders;
import io.tenantry.application.tenant.TenantAccess;
import io.tenantry.application.tenant.TenantDirectory;
import io.tenantry.kernel.audit.AuditEvent;
import io.tenantry.kernel.audit.AuditLog;
import io.tenantry.kernel.audit.Bypass;
import io.tenantry.kernel.context.TenantContext;
import io.tenantry.kernel.policy.AccessDenied;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.tenantry.kernel.testing.TwoTenants.ADMIN;
import static io.tenantry.kernel.testing.TwoTenants.OWNER_A;
import static io.tenantry.kernel.testing.TwoTenants.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

class AdminServiceTest {

    private final List<AuditEvent> recorded = new ArrayList<>();
    private final AuditLog log = new AuditLog() {
        @Override
        public void record(AuditEvent event) {
            recorded.add(event);
        }

        @Override
        public List<AuditEvent> newest(int limit) {
            return List.copyOf(recorded);
        }
    };
    private final EveryDatabaseOrders orders = mock(EveryDatabaseOrders.class);
    private final TenantDirectory tenants = mock(TenantDirectory.class);
    private final TenantDatabases databases = mock(TenantDatabases.class);
    private final AdminService admin = new AdminService(new Bypass(new io.tenantry.kernel.audit.BypassTransaction() {
        @Override
        public <T> T atomically(java.util.function.Function<AuditLog, T> work) {
            return work.apply(log);
        }
    }, Clock.systemUTC()), orders, tenants, log, new TenantAccess(tenants, Clock.systemUTC(), Duration.ofSeconds(1)),
            databases);

    @Test
    void nonAdminsAreRefusedBeforeAnythingRuns() {
        assertThrows(AccessDenied.class, () -> as(OWNER_A, () -> admin.listAllOrders(10)));
        verifyNoInteractions(orders);
        assertTrue(recorded.isEmpty());
    }

    @Test
    void listingAllOrdersRunsInsideTheBypassAndIsAuditedOnce() {
        when(orders.newest(10)).thenAnswer(call -> {
            assertTrue(TenantContext.inBypass(), "the cross-tenant read must run inside the bypass");
            return new NewestOrders(List.of(), List.of("acme"));
        });
        NewestOrders listed = as(ADMIN, () -> admin.listAllOrders(10));
        assertEquals(List.of("acme"), listed.unreadable(), "a database left out is reported, not fatal");
        assertEquals(1, recorded.size());
        assertEquals("admin.orders.list", recorded.getFirst().action());
    }

    @Test
    void anActiveTenantsRowsDoNotMoveAndASuspendedOnesDoInsideTheBypassAuditedOnce() {
        io.tenantry.kernel.context.TenantId acme = io.tenantry.kernel.context.TenantId.of("acme");
        io.tenantry.application.tenant.Tenant active = new io.tenantry.application.tenant.Tenant(acme, "Acme",
                io.tenantry.kernel.context.Tier.ENTERPRISE, io.tenantry.application.tenant.TenantStatus.ACTIVE);
        when(tenants.find(acme)).thenReturn(java.util.Optional.of(active));
        assertEquals(new DatabaseMove.StillActive(), as(ADMIN, () -> admin.giveOwnDatabase(acme)));
        verifyNoInteractions(databases);

        io.tenantry.application.tenant.Tenant suspended = active.with(active.tier(),
                io.tenantry.application.tenant.TenantStatus.SUSPENDED);
        when(tenants.find(acme)).thenReturn(java.util.Optional.of(suspended));
        DatabaseMove moved = new DatabaseMove.Moved(suspended.livingIn(java.util.Optional.of("tenantry_acme")));
        when(databases.giveOwnDatabase(org.mockito.ArgumentMatchers.eq(acme), org.mockito.ArgumentMatchers.any())).thenAnswer(call -> {
            assertTrue(TenantContext.inBypass(), "the move runs inside the bypass");
            return moved;
        });
        assertEquals(moved, as(ADMIN, () -> admin.giveOwnDatabase(acme)));
        assertEquals(2, recorded.size(), "one audit event per call, refused or done");
        assertEquals("admin.tenants.database.give", recorded.getLast().action());
        assertEquals(1, recorded.getLast().rows());
        assertThrows(AccessDenied.class, () -> as(OWNER_A, () -> admin.retireOwnDatabase(acme)));
    }
}
