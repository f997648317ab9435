package io.tenantry.adapters.persistence.jdbi;

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
}
