package io.tenantry.adapters.persistence.postgres;

import io.tenantry.application.tenant.Tenant;
import io.tenantry.application.tenant.TenantStatus;
import io.tenantry.kernel.audit.AuditOutcome;
import io.tenantry.kernel.audit.BypassRequest;
import io.tenantry.kernel.context.TenantId;
import io.tenantry.kernel.context.Tier;
import io.tenantry.kernel.policy.AccessDenied;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;

import static io.tenantry.kernel.testing.TwoTenants.ADMIN;
import static io.tenantry.kernel.testing.TwoTenants.MEMBER_A;
import static io.tenantry.kernel.testing.TwoTenants.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cross-tenant work and its audit row commit or roll back together, on the real bypass role. */
class AuditedBypassTest {

    private static final BypassRequest PROVISION = new BypassRequest("admin.tenants.provision", "initech", "test");
    private static PostgresFixture fixture;

    @BeforeAll
    static void database() {
        fixture = PostgresFixture.dedicated(PostgresFixture.Mode.BOTH, 2);
    }

    @AfterAll
    static void drop() {
        fixture.close();
    }

    @BeforeEach
    void reset() {
        fixture.reset();
        fixture.database().execute("GRANT INSERT ON audit_log TO " + fixture.database().settings().bypass().user());
    }

    @Test
    void whenTheAuditRowCannotBeWrittenTheCrossTenantWorkRollsBack() throws Exception {
        fixture.database().execute("REVOKE INSERT ON audit_log FROM " + fixture.database().settings().bypass().user());
        assertThrows(RuntimeException.class, this::provisionInitech);
        assertEquals(0, tenantsNamedInitech(), "the tenant insert must roll back with its audit row");

        fixture.database().execute("GRANT INSERT ON audit_log TO " + fixture.database().settings().bypass().user());
        provisionInitech();
        assertEquals(1, tenantsNamedInitech(), "positive control: with the audit row, the work commits");
        assertEquals(1, auditRows());
    }

    @Test
    void aFailedBypassLeavesOneFailureRow() throws Exception {
        assertThrows(IllegalStateException.class, () -> as(ADMIN, () -> fixture.bypass().call(PROVISION, () -> {
            throw new IllegalStateException("work failed");
        }, result -> 0)));
        try (Connection owner = fixture.database().asOwner()) {
            assertEquals(1, RowLevelSecurityTest.count(owner, "SELECT count(*) FROM audit_log WHERE outcome = 'failure'"));
        }
        assertEquals(List.of(AuditOutcome.FAILURE), as(ADMIN, () -> fixture.bypass().list(
                new BypassRequest("admin.audit.read", "all-tenants", "test"), () -> fixture.auditLog().newest(10)))
                .stream().map(event -> event.outcome()).toList());
    }

    @Test
    void theBypassRoleIsRefusedOutsideTheBypass() {
        AccessDenied refused = assertThrows(AccessDenied.class, () -> as(ADMIN, () -> fixture.tenants().listAll()));
        assertTrue(refused.getMessage().contains("Bypass"), refused.getMessage());
        assertThrows(AccessDenied.class, () -> as(MEMBER_A, () -> fixture.everyDatabase().newest(5)));
        assertEquals(3, as(ADMIN, () -> fixture.bypass().list(new BypassRequest("admin.tenants.list", "all-tenants", "test"),
                fixture.tenants()::listAll)).size(), "positive control: inside the bypass it works");
    }

    private void provisionInitech() {
        as(ADMIN, () -> fixture.bypass().call(PROVISION, () -> {
            try {
                fixture.tenants().provision(new Tenant(TenantId.of("initech"), "Initech", Tier.FREE, TenantStatus.ACTIVE));
            } catch (io.tenantry.application.tenant.TenantDirectory.TenantAlreadyExists e) {
                throw new IllegalStateException(e);
            }
            return 1;
        }, Integer::longValue));
    }

    private long tenantsNamedInitech() throws Exception {
        try (Connection owner = fixture.database().asOwner()) {
            return RowLevelSecurityTest.count(owner, "SELECT count(*) FROM tenants WHERE id = 'initech'");
        }
    }

    private long auditRows() throws Exception {
        try (Connection owner = fixture.database().asOwner()) {
            return RowLevelSecurityTest.count(owner, "SELECT count(*) FROM audit_log");
        }
    }
}
