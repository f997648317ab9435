package io.tenantry.kernel.policy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a repository whose statements are constrained to the current tenant: the adapter binds the tenant from
 * the context into every statement, and every SQL text must use that binding (the architecture tests read it).
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface TenantScoped {

    /** The name of the statement argument that carries the current tenant. */
    String BINDING = "tenantId";
}
