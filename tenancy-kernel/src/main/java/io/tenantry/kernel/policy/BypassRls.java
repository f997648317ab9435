package io.tenantry.kernel.policy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a repository method that reads or writes across tenants. It runs only inside the kernel's audited
 * {@code Bypass} on the bypass role, and the justification is written to the audit log with every call.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface BypassRls {

    /** Why this method may cross tenants; must not be blank. */
    String justification();
}
