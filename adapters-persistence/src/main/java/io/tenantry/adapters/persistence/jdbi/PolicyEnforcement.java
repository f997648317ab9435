package io.tenantry.adapters.persistence.jdbi;

import io.tenantry.kernel.context.TenantContext;
import io.tenantry.kernel.context.TenantIdentity;
import io.tenantry.kernel.policy.AccessDenied;
import io.tenantry.kernel.policy.Operation;
import io.tenantry.kernel.policy.PolicyDecision.Reach;
import io.tenantry.kernel.policy.PolicyEngine;
import io.tenantry.kernel.policy.PolicyRules;
import org.jdbi.v3.core.extension.ExtensionHandler;
import org.jdbi.v3.core.extension.ExtensionHandlerCustomizer;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.lang.reflect.Method;
import java.util.Optional;

/**
 * Enforces the kernel's policy annotations on every SQL object method before it touches a connection: the
 * {@link PolicyEngine} decides from the method's rules, its operation (read from its SQL) and the current identity;
 * cross-tenant reach is allowed only on the bypass connection, and the bypass connection only inside the bypass.
 */
final class PolicyEnforcement implements ExtensionHandlerCustomizer {

    private final ConnectionRole role;

    PolicyEnforcement(ConnectionRole role) {
        this.role = role;
    }

    @Override
    public ExtensionHandler customize(ExtensionHandler handler, Class<?> sqlObjectType, Method method) {
        Optional<Operation> operation = sqlOf(method).flatMap(Operation::ofSql);
        if (operation.isEmpty()) {
            return handler;
        }
        PolicyRules rules = PolicyRules.of(sqlObjectType, method);
        String where = sqlObjectType.getSimpleName() + "." + method.getName();
        return (config, target) -> {
            var attached = handler.attachTo(config, target);
            return (handleSupplier, args) -> {
                check(rules, operation.get(), where);
                return attached.invoke(handleSupplier, args);
            };
        };
    }

    private void check(PolicyRules rules, Operation operation, String where) {
        TenantIdentity identity = TenantContext.require(where);
        boolean inBypass = TenantContext.inBypass();
        if (role == ConnectionRole.BYPASS && !inBypass) {
            throw new AccessDenied(where + " uses the bypass connection outside the audited Bypass");
        }
        Reach reach = PolicyEngine.decide(rules, operation, identity, inBypass).orThrow();
        if (reach == Reach.ALL_TENANTS && role != ConnectionRole.BYPASS) {
            throw new AccessDenied(where + " reaches across tenants and must run on the bypass connection");
        }
    }

    private static Optional<String> sqlOf(Method method) {
        SqlQuery query = method.getAnnotation(SqlQuery.class);
        if (query != null) {
            return Optional.of(query.value());
        }
        SqlUpdate update = method.getAnnotation(SqlUpdate.class);
        return update != null ? Optional.of(update.value()) : Optional.empty();
    }
}
