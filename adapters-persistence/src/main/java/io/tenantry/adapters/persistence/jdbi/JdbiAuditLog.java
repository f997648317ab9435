package io.tenantry.adapters.persistence.jdbi;

import io.tenantry.kernel.audit.AuditEvent;
import io.tenantry.kernel.audit.AuditLog;
import io.tenantry.kernel.audit.BypassTransaction;
import org.jdbi.v3.core.Jdbi;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The audit log in PostgreSQL, and the bypass transaction it is written in. {@link #atomically} opens one
 * transaction on the bypass role; Jdbi hands the same handle to every bypass-role call made on this thread inside
 * it, so the cross-tenant work and its audit row commit or roll back together.
 */
public final class JdbiAuditLog implements AuditLog, BypassTransaction {

    private final Jdbi bypass;
    private final AuditDao dao;

    public JdbiAuditLog(Jdbi bypass) {
        this.bypass = bypass;
        this.dao = bypass.onDemand(AuditDao.class);
    }

    @Override
    public void record(AuditEvent event) {
        dao.insert(event.id(), Columns.timestamp(event.at()), event.actor(), event.actorTenant().value(), event.action(),
                event.targetScope(), event.justification(), event.outcome().name().toLowerCase(Locale.ROOT), event.rows(),
                event.requestId(), event.source(), event.details());
    }

    @Override
    public List<AuditEvent> newest(int limit) {
        return dao.newest(limit);
    }

    @Override
    public <T> T atomically(Function<AuditLog, T> work) {
        try {
            return bypass.inTransaction(handle -> work.apply(this));
        } catch (RuntimeException failure) {
            throw ConnectionFailures.translated(failure);
        }
    }
}
