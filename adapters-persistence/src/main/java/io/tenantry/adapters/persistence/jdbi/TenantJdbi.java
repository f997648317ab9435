package io.tenantry.adapters.persistence.jdbi;

import io.tenantry.application.order.TenantOrder;
import io.tenantry.application.tenant.Tenant;
import io.tenantry.domain.user.User;
import io.tenantry.kernel.audit.AuditEvent;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.extension.Extensions;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.TemplateEngine;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

import javax.sql.DataSource;
import java.util.function.UnaryOperator;

/** Builds the Jdbi instances of the two runtime roles, with tenant binding and policy enforcement installed. */
public final class TenantJdbi {

    private TenantJdbi() {
    }

    public static Jdbi create(DataSource dataSource, ConnectionRole role) {
        return create(dataSource, role, UnaryOperator.identity());
    }

    /**
     * As {@link #create(DataSource, ConnectionRole)}, with {@code sqlRewriter} applied to each statement's own SQL
     * before the tenant setting is prefixed (the isolation tests use it to switch the SQL filter off and prove
     * that row-level security alone holds).
     */
    public static Jdbi create(DataSource dataSource, ConnectionRole role, UnaryOperator<TemplateEngine> sqlRewriter) {
        return create(dataSource, role, sqlRewriter, () -> { });
    }

    /** As above, telling {@code onConnectionFailure} of every call that failed because the database is unreachable. */
    public static Jdbi create(DataSource dataSource, ConnectionRole role, UnaryOperator<TemplateEngine> sqlRewriter,
                              Runnable onConnectionFailure) {
        return create(dataSource, role, sqlRewriter, onConnectionFailure, DatabaseWorkLimits.defaults());
    }

    /**
     * As above, bounding each tenant's concurrent work and statement time by {@code limits} (application role
     * only: the bypass role serves operators, inside the audited bypass).
     */
    public static Jdbi create(DataSource dataSource, ConnectionRole role, UnaryOperator<TemplateEngine> sqlRewriter,
                              Runnable onConnectionFailure, DatabaseWorkLimits limits) {
        Jdbi jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin()).installPlugin(new PostgresPlugin());
        registerRowMappers(jdbi);
        SqlStatements statements = jdbi.getConfig(SqlStatements.class);
        statements.setTemplateEngine(new CurrentTenantSetting(sqlRewriter.apply(statements.getTemplateEngine())));
        jdbi.getConfig(WorkLimitsConfig.class).limits(limits);
        Extensions extensions = jdbi.getConfig(Extensions.class)
                .registerHandlerCustomizer(new PolicyEnforcement(role))
                .registerHandlerCustomizer(new ConnectionFailures(onConnectionFailure));
        if (role == ConnectionRole.APPLICATION) {
            extensions.registerHandlerCustomizer(new TenantBulkhead(limits));
        }
        return jdbi;
    }

    /**
     * The SQL objects' row mappers, registered once with their row types here rather than by
     * {@code @RegisterRowMapper} on each SQL object: an on-demand SQL object derives its configuration on every call,
     * and an annotation-registered mapper is then re-created and its row type inferred by reflection each time.
     */
    private static void registerRowMappers(Jdbi jdbi) {
        jdbi.registerRowMapper(TenantOrder.class, new OrderDao.TenantOrderMapper())
                .registerRowMapper(Tenant.class, new TenantDao.TenantMapper())
                .registerRowMapper(User.class, new UserDao.UserMapper())
                .registerRowMapper(AuditEvent.class, new AuditDao.AuditEventMapper());
    }
}
