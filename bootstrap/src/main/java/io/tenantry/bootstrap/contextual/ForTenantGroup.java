package io.tenantry.bootstrap.contextual;

import io.tenantry.kernel.resolution.TenantGroup;
import jakarta.inject.Qualifier;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a bean as the candidate of its port for the members of a {@link TenantGroup}: tenants decided at run time
 * (the tenants with a database of their own, say), not named in code. A member with a {@link ForTenant} candidate of
 * its own gets that one; otherwise the group's candidate beats the member's {@link ForTier} one.
 *
 * <p>{@link #value()} names the group's bean type: the container must hold exactly one bean of it, or deployment
 * fails. A port may have one group candidate: two groups could both hold a tenant, and which would win is a guess.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER})
public @interface ForTenantGroup {
    Class<? extends TenantGroup> value();
}
