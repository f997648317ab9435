package io.tenantry.kernel.audit;

import io.tenantry.kernel.policy.BypassRls;

import java.util.List;

/**
 * The append-only record of cross-tenant work. There is no update or delete here on purpose, and the
 * PostgreSQL adapter's roles cannot do either.
 */
public interface AuditLog {

    void record(AuditEvent event);

    /** The newest {@code limit} events, newest first. The log spans every tenant: bypass only. */
    @BypassRls(justification = "the audit log records the cross-tenant work of every tenant")
    List<AuditEvent> newest(int limit);
}
