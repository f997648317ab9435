package io.tenantry.bootstrap.contextual;

import jakarta.enterprise.context.NormalScope;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One instance per tenant: created on first use in that tenant's context, reused for that tenant only, and disposed
 * of ({@code @PreDestroy}, disposer methods) when the tenant falls out of the bounded set of recent tenants or the
 * container stops. Using one with no tenant in context is an error, never a shared default.
 */
@NormalScope
@Inherited
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD})
public @interface PerTenant {
}
