package io.tenantry.kernel.policy;

import io.tenantry.kernel.context.Tier;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Refuses the named operations to callers holding one of {@code roles} or on one of {@code tiers}; a matching
 * deny wins over every allow.
 *
 * <p>Empty {@code operations} means every operation; empty {@code roles} and {@code tiers} mean every caller.
 */
@Documented
@Inherited
@Repeatable(Deny.List.class)
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Deny {

    Operation[] operations() default {};

    String[] roles() default {};

    Tier[] tiers() default {};

    /** Holds repeated {@code @Deny}s. */
    @Documented
    @Inherited
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    @interface List {
        Deny[] value();
    }
}
