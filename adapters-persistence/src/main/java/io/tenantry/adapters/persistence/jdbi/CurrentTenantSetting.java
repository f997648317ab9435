package io.tenantry.adapters.persistence.jdbi;

import io.tenantry.kernel.policy.TenantScoped;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.jdbi.v3.core.statement.TemplateEngine;

import org.jdbi.v3.core.config.ConfigRegistry;

import java.sql.PreparedStatement;
import java.util.Optional;
import java.util.function.Function;

/**
 * Prefixes every tenant-bound statement with {@code SELECT set_config('app.tenant_id', :tenantId, true),
 * set_config('statement_timeout', :tenantStatementTimeout, true);}: the tenant for row-level security and the
 * tenant's tier's statement timeout, both transaction-local.
 *
 * <p>pgJDBC sends a prepared statement holding several SQL statements in one round trip, and outside an explicit
 * transaction PostgreSQL runs them as one implicit transaction. So the transaction-local setting covers exactly the
 * statement after it and is gone before the connection returns to the pool: one round trip per tenant-bound read,
 * no setting left for the next borrower. Inside an explicit transaction the prefix simply repeats the setting.
 * The first result (the setting's) is skipped before Jdbi reads the statement's own results.
 */
final class CurrentTenantSetting implements TemplateEngine {

    /** The statement attribute that {@link BindCurrentTenant} defines on tenant-bound statements. */
    static final String ATTRIBUTE = "tenantry.tenantBound";

    /** The binding of the tier's statement timeout, in milliseconds. */
    static final String STATEMENT_TIMEOUT = "tenantStatementTimeout";

    static final String PREFIX = "SELECT set_config('app.tenant_id', :" + TenantScoped.BINDING + ", true), "
            + "set_config('statement_timeout', :" + STATEMENT_TIMEOUT + ", true);\n";

    /** Moves past the result of the prefix so that Jdbi sees the statement's own result or update count. */
    static final StatementCustomizer SKIP_SETTING_RESULT = new StatementCustomizer() {
        @Override
        public void afterExecution(PreparedStatement statement, StatementContext context) throws java.sql.SQLException {
            statement.getMoreResults();
        }
    };

    private final TemplateEngine delegate;

    CurrentTenantSetting(TemplateEngine delegate) {
        this.delegate = delegate;
    }

    @Override
    public String render(String template, StatementContext context) {
        return prefixed(delegate.render(template, context), context);
    }

    /** Lets Jdbi cache the delegate's parsed template; only the prefix is decided per statement. */
    @Override
    public Optional<Function<StatementContext, String>> parse(String template, ConfigRegistry config) {
        return delegate.parse(template, config)
                .map(renderer -> context -> prefixed(renderer.apply(context), context));
    }

    private static String prefixed(String rendered, StatementContext context) {
        return Boolean.TRUE.equals(context.getAttribute(ATTRIBUTE)) ? PREFIX + rendered : rendered;
    }
}
