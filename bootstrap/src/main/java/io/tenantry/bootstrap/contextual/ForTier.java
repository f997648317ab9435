package io.tenantry.bootstrap.contextual;

import io.tenantry.kernel.context.Tier;
import jakarta.inject.Qualifier;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a bean as the candidate of its port for the tenants of one tier. Business code never injects it: it
 * injects the port, and the container reaches this candidate on every call made for a tenant of the tier (unless
 * the tenant has a {@link ForTenant} candidate of its own).
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER})
public @interface ForTier {
    Tier value();
}
