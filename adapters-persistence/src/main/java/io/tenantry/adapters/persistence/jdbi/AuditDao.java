package io.tenantry.adapters.persistence.jdbi;

import io.tenantry.kernel.audit.AuditEvent;
import io.tenantry.kernel.audit.AuditOutcome;
import io.tenantry.kernel.context.TenantId;
import io.tenantry.kernel.policy.BypassRls;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * SQL for the append-only audit log. Not a tenant table: it lives on the bypass role, inside the bypass transaction.
 * Appending is the audit itself; reading spans every tenant and is a bypass of its own.
 */
interface AuditDao {

    @SqlUpdate("""
            INSERT INTO audit_log (id, at, actor, actor_tenant, action, target_scope, justification, outcome, rows,
                                   request_id, source, details)
            VALUES (:id, :at, :actor, :actorTenant, :action, :targetScope, :justification, :outcome, :rows,
                    :requestId, :source, :details)""")
    int insert(@Bind("id") UUID id, @Bind("at") OffsetDateTime at, @Bind("actor") String actor,
               @Bind("actorTenant") String actorTenant, @Bind("action") String action,
               @Bind("targetScope") String targetScope, @Bind("justification") String justification,
               @Bind("outcome") String outcome, @Bind("rows") long rows, @Bind("requestId") String requestId,
               @Bind("source") String source, @Bind("details") String details);

    @BypassRls(justification = "platform operators read the audit log of every tenant")
    @SqlQuery("""
            SELECT id, at, actor, actor_tenant, action, target_scope, justification, outcome, rows, request_id, source,
                   details
            FROM audit_log ORDER BY at DESC, seq DESC LIMIT :limit""")
    List<AuditEvent> newest(@Bind("limit") int limit);

    /** Reads an audit row. */
    final class AuditEventMapper implements RowMapper<AuditEvent> {
        @Override
        public AuditEvent map(ResultSet row, StatementContext context) throws SQLException {
            return new AuditEvent(row.getObject("id", UUID.class), Columns.instant(row, "at"), row.getString("actor"),
                    TenantId.of(row.getString("actor_tenant")), row.getString("action"), row.getString("target_scope"),
                    row.getString("justification"),
                    AuditOutcome.valueOf(row.getString("outcome").toUpperCase(Locale.ROOT)), row.getLong("rows"),
                    row.getString("request_id"), row.getString("source"), row.getString("details"));
        }
    }
}
