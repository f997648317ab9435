package io.tenantry.kernel.policy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The policy of a repository as a whole.
 *
 * <p>{@code skipFor} names roles whose calls skip the tenant filter, but only inside the audited bypass: outside
 * it, such a caller is filtered like anyone else. {@code defaultDeny} refuses operations that no {@link Allow}
 * names.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Policy {

    String[] skipFor() default {};

    boolean defaultDeny() default false;
}
