package io.tenantry.adapters.persistence.jdbi;

import io.tenantry.kernel.context.TenantContext;
import io.tenantry.kernel.context.TenantIdentity;
import io.tenantry.kernel.policy.BypassRls;
import io.tenantry.kernel.policy.TenantScoped;
import org.jdbi.v3.core.qualifier.QualifiedType;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.jdbi.v3.sqlobject.customizer.SqlStatementCustomizer;
import org.jdbi.v3.sqlobject.customizer.SqlStatementCustomizerFactory;
import org.jdbi.v3.sqlobject.customizer.SqlStatementCustomizingAnnotation;

import java.lang.annotation.Annotation;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Method;
import java.sql.PreparedStatement;

/**
 * Binds the current tenant, from {@link TenantContext} and never from a method argument, as {@code :tenantId} into
 * every statement of a SQL object, and marks the statement so that {@link CurrentTenantSetting} sets
 * {@code app.tenant_id} for row-level security, and the tier's {@code statement_timeout}, in the same round trip. Statements of {@link BypassRls} methods are
 * left alone: they run on the bypass role, across tenants.
 *
 * <p>Without a tenant in context the statement is refused before any connection is used.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SqlStatementCustomizingAnnotation(BindCurrentTenant.Factory.class)
public @interface BindCurrentTenant {

    /**
     * Binds the current tenant again just before the values reach JDBC, after every method parameter: a parameter
     * named {@code tenantId} would otherwise replace it, moving both the filter and row-level security. One instance
     * for every statement.
     */
    StatementCustomizer REBIND_TENANT = new StatementCustomizer() {
        @Override
        public void beforeBinding(PreparedStatement prepared, StatementContext context) {
            context.getBinding().addNamed(TenantScoped.BINDING, TenantContext.requireTenant().value(),
                    QualifiedType.of(String.class));
        }
    };

    /** Creates the customizer; Jdbi calls it once per SQL object type. */
    final class Factory implements SqlStatementCustomizerFactory {

        @Override
        public SqlStatementCustomizer createForType(Annotation annotation, Class<?> sqlObjectType) {
            return statement -> {
                Method method = statement.getContext().getExtensionMethod().getMethod();
                if (method.isAnnotationPresent(BypassRls.class)) {
                    return;
                }
                TenantIdentity identity = TenantContext.require(sqlObjectType.getSimpleName() + "." + method.getName());
                statement.bind(TenantScoped.BINDING, identity.tenant().value());
                statement.addCustomizer(REBIND_TENANT);
                statement.bind(CurrentTenantSetting.STATEMENT_TIMEOUT, statement.getConfig(WorkLimitsConfig.class).limits()
                        .statementTimeoutSetting(identity.tier()));
                statement.define(CurrentTenantSetting.ATTRIBUTE, Boolean.TRUE);
                statement.addCustomizer(CurrentTenantSetting.SKIP_SETTING_RESULT);
            };
        }
    }
}
