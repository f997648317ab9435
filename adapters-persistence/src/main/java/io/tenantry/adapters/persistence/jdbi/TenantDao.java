package io.tenantry.adapters.persistence.jdbi;

import io.tenantry.application.tenant.Tenant;
import io.tenantry.application.tenant.TenantStatus;
import io.tenantry.kernel.context.TenantId;
import io.tenantry.kernel.context.Tier;
import io.tenantry.kernel.policy.BypassRls;
import io.tenantry.kernel.policy.TenantScoped;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** SQL for the tenant directory: a tenant reads its own row; everything else is the operator's, through the bypass. */
@TenantScoped
@BindCurrentTenant
interface TenantDao {

    String COLUMNS = "SELECT id, name, tier, status, own_database FROM tenants ";

    @SqlQuery(COLUMNS + "WHERE id = :tenantId")
    Optional<Tenant> current();

    @BypassRls(justification = "platform operators list every tenant")
    @SqlQuery(COLUMNS + "ORDER BY id")
    List<Tenant> listAll();

    @BypassRls(justification = "platform operators read any tenant")
    @SqlQuery(COLUMNS + "WHERE id = :id")
    Optional<Tenant> find(@Bind("id") String id);

    @BypassRls(justification = "platform operators provision tenants")
    @SqlUpdate("INSERT INTO tenants (id, name, tier, status) VALUES (:id, :name, :tier, :status) ON CONFLICT (id) DO NOTHING")
    int insert(@Bind("id") String id, @Bind("name") String name, @Bind("tier") String tier, @Bind("status") String status);

    @BypassRls(justification = "platform operators change a tenant's tier or status")
    @SqlUpdate("UPDATE tenants SET tier = :tier, status = :status, status_changed_at = CASE WHEN status = :status "
            + "THEN status_changed_at ELSE now() END WHERE id = :id")
    int update(@Bind("id") String id, @Bind("tier") String tier, @Bind("status") String status);

    @BypassRls(justification = "platform operators move a tenant's rows to a database of its own")
    @SqlUpdate("UPDATE tenants SET own_database = :database WHERE id = :id AND own_database IS NULL")
    int placeInOwnDatabase(@Bind("id") String id, @Bind("database") String database);

    @BypassRls(justification = "platform operators move a tenant's rows back to the shared database")
    @SqlUpdate("UPDATE tenants SET own_database = NULL WHERE id = :id AND own_database = :database")
    int placeInSharedDatabase(@Bind("id") String id, @Bind("database") String database);

    /**
     * Locks the tenant's entry until the bypass's transaction ends, so that two moves of one tenant run one after the
     * other; returns how long, in milliseconds, its status has been what it is.
     */
    @BypassRls(justification = "platform operators move one tenant's rows at a time")
    @SqlQuery("SELECT floor(extract(epoch FROM now() - status_changed_at) * 1000)::bigint FROM tenants WHERE id = :id "
            + "FOR UPDATE")
    Optional<Long> lockForMove(@Bind("id") String id);

    @BypassRls(justification = "platform operators check that a tenant leaves no rows behind when its rows move")
    @SqlQuery("SELECT (SELECT count(*) FROM orders o WHERE o.tenant_id = :id) + (SELECT count(*) FROM users u "
            + "WHERE u.tenant_id = :id) + (SELECT count(*) FROM idempotency_keys k WHERE k.tenant_id = :id)")
    long rowsOf(@Bind("id") String id);

    /** Reads a tenant row. */
    final class TenantMapper implements RowMapper<Tenant> {
        @Override
        public Tenant map(ResultSet row, StatementContext context) throws SQLException {
            return new Tenant(TenantId.of(row.getString("id")), row.getString("name"),
                    Tier.fromWireName(row.getString("tier")).orElseThrow(),
                    TenantStatus.fromWireName(row.getString("status")).orElseThrow(),
                    Optional.ofNullable(row.getString("own_database")));
        }
    }
}
