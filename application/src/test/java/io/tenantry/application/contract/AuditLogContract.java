package io.tenantry.application.contract;

import io.tenantry.kernel.audit.AuditEvent;
import io.tenantry.kernel.audit.AuditOutcome;
import io.tenantry.kernel.audit.BypassRequest;
import io.tenantry.kernel.policy.AccessDenied;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.tenantry.kernel.testing.TwoTenants.ADMIN;
import static io.tenantry.kernel.testing.TwoTenants.MEMBER_A;
import static io.tenantry.kernel.testing.TwoTenants.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What every audit log with its bypass transaction must do, run against each adapter. */
public abstract class AuditLogContract {

    protected abstract PersistenceFixture fixture();

    private static final BypassRequest REQUEST = new BypassRequest("admin.orders.list", "all-tenants", "contract test");

    @BeforeEach
    void emptyStore() {
        fixture().reset();
    }

    @Test
    void everyBypassWritesExactlyOneEventAlsoWhenItFails() {
        as(ADMIN, () -> fixture().bypass().list(REQUEST, () -> List.of(1, 2)));
        assertThrows(IllegalStateException.class, () -> as(ADMIN, () -> fixture().bypass().list(REQUEST, () -> {
            throw new IllegalStateException("work failed");
        })));
        List<AuditEvent> events = readAll();
        assertEquals(2, events.size(), "two bypasses, two events (the read below is not yet recorded)");
        assertEquals(List.of(AuditOutcome.FAILURE, AuditOutcome.SUCCESS), events.stream().map(AuditEvent::outcome).toList());
        assertEquals(2, events.get(1).rows());
        assertEquals("root", events.getFirst().actor());
        assertEquals("platform", events.getFirst().actorTenant().value());
        assertEquals("contract test", events.getFirst().justification());
    }

    @Test
    void readingTheLogNeedsTheBypass() {
        assertThrows(AccessDenied.class, () -> as(MEMBER_A, () -> fixture().auditLog().newest(10)));
        assertEquals(List.of(), readAll());
    }

    @Test
    void theNewestEventsComeFirstAndTheLimitHolds() {
        for (int i = 0; i < 5; i++) {
            as(ADMIN, () -> fixture().bypass().list(REQUEST, List::of));
        }
        BypassRequest read = new BypassRequest("admin.audit.read", "all-tenants", "contract test");
        List<AuditEvent> three = as(ADMIN, () -> fixture().bypass().list(read, () -> fixture().auditLog().newest(3)));
        assertEquals(3, three.size());
        for (int i = 1; i < three.size(); i++) {
            assertEquals(true, !three.get(i).at().isAfter(three.get(i - 1).at()), "newest first");
        }
    }

    private List<AuditEvent> readAll() {
        BypassRequest read = new BypassRequest("admin.audit.read", "all-tenants", "contract test");
        return as(ADMIN, () -> fixture().bypassTransaction().atomically(log -> io.tenantry.kernel.context.TenantContext
                .callInBypass(new io.tenantry.kernel.context.BypassScope(read.action(), read.justification()),
                        () -> log.newest(100))));
    }
}
