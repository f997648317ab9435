package io.tenantry.bootstrap.contextual;

import jakarta.inject.Qualifier;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a bean as the candidate of its port for every tenant that has no more specific one. Every port with
 * candidates must have exactly one: a tenant nobody thought of gets a declared provider, never a guess.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER})
public @interface TenantDefault {
}
