package io.tenantry.application.contract;

import io.tenantry.application.tenant.Tenant;
import io.tenantry.application.tenant.TenantDirectory;
import io.tenantry.application.tenant.TenantDirectory.TenantAlreadyExists;
import io.tenantry.application.tenant.TenantStatus;
import io.tenantry.kernel.audit.BypassRequest;
import io.tenantry.kernel.context.TenantId;
import io.tenantry.kernel.context.Tier;
import io.tenantry.kernel.policy.AccessDenied;
import io.tenantry.kernel.testing.TwoTenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import static io.tenantry.kernel.testing.TwoTenants.ADMIN;
import static io.tenantry.kernel.testing.TwoTenants.MEMBER_A;
import static io.tenantry.kernel.testing.TwoTenants.MEMBER_B;
import static io.tenantry.kernel.testing.TwoTenants.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every {@link TenantDirectory} must do, run against each adapter. */
public abstract class TenantDirectoryContract {

    protected abstract PersistenceFixture fixture();

    private TenantDirectory tenants;

    @BeforeEach
    void givenTwoTenants() {
        fixture().reset();
        tenants = fixture().tenants();
    }

    @Test
    void aTenantReadsItsOwnEntry() {
        assertEquals(TwoTenants.A, as(MEMBER_A, tenants::current).orElseThrow().id());
        assertEquals(TwoTenants.B, as(MEMBER_B, tenants::current).orElseThrow().id());
    }

    @Test
    void anUnknownTenantHasNoEntry() {
        var stranger = TwoTenants.identity(TenantId.of("stranger"), Tier.FREE, "s", "member");
        assertEquals(Optional.empty(), as(stranger, tenants::current));
    }

    @Test
    void crossTenantOperationsNeedTheBypass() {
        assertThrows(AccessDenied.class, () -> as(MEMBER_A, tenants::listAll));
        assertThrows(AccessDenied.class, () -> as(ADMIN, () -> tenants.find(TwoTenants.B)));
        List<Tenant> all = inBypass(tenants::listAll);
        assertTrue(all.stream().anyMatch(tenant -> tenant.id().equals(TwoTenants.A)));
        assertTrue(all.stream().anyMatch(tenant -> tenant.id().equals(TwoTenants.B)));
    }

    @Test
    void provisioningAddsATenantOnceOnly() {
        Tenant initech = new Tenant(TenantId.of("initech"), "Initech", Tier.FREE, TenantStatus.ACTIVE);
        assertEquals("ok", inBypass(() -> provision(initech)));
        assertEquals("exists", inBypass(() -> provision(initech)));
        assertEquals(Optional.of(initech), inBypass(() -> tenants.find(initech.id())));
    }

    @Test
    void anUpdateChangesTierAndStatus() {
        Tenant a = inBypass(() -> tenants.find(TwoTenants.A)).orElseThrow();
        Tenant suspended = a.with(Tier.ENTERPRISE, TenantStatus.SUSPENDED);
        assertEquals(Optional.of(suspended), inBypass(() -> tenants.update(suspended)));
        assertEquals(suspended, as(MEMBER_A, tenants::current).orElseThrow());
        Tenant ghost = new Tenant(TenantId.of("ghost"), "Ghost", Tier.FREE, TenantStatus.ACTIVE);
        assertEquals(Optional.empty(), inBypass(() -> tenants.update(ghost)));
    }

    private String provision(Tenant tenant) {
        try {
            tenants.provision(tenant);
            return "ok";
        } catch (TenantAlreadyExists exists) {
            return "exists";
        }
    }

    private <T> T inBypass(Supplier<T> work) {
        BypassRequest request = new BypassRequest("admin.tenants", "all-tenants", "contract test");
        return as(ADMIN, () -> fixture().bypass().call(request, work, result -> 0));
    }
}
