package io.tenantry.kernel.policy;

import io.tenantry.kernel.context.TenantIdentity;
import io.tenantry.kernel.policy.PolicyDecision.Allowed;
import io.tenantry.kernel.policy.PolicyDecision.Denied;
import io.tenantry.kernel.policy.PolicyDecision.Reach;

/**
 * Decides whether an identity may perform an operation under a set of {@link PolicyRules}. Pure and total, so
 * its whole behaviour is a truth table (see its tests). In order:
 * <ol>
 *   <li>a {@link BypassRls} method is allowed across tenants inside the bypass and refused outside it;</li>
 *   <li>inside the bypass, a {@code skipFor} role skips the tenant filter;</li>
 *   <li>a matching {@link Deny} refuses (deny wins);</li>
 *   <li>if any {@link Allow} covers the operation, the caller must match one of them;</li>
 *   <li>otherwise {@code defaultDeny} decides.</li>
 * </ol>
 */
public final class PolicyEngine {

    private PolicyEngine() {
    }

    public static PolicyDecision decide(PolicyRules rules, Operation operation, TenantIdentity identity, boolean inBypass) {
        if (rules.bypassJustification().isPresent()) {
            return inBypass
                    ? new Allowed(Reach.ALL_TENANTS)
                    : new Denied("a @BypassRls method runs only through the audited Bypass");
        }
        if (inBypass && identity.hasAnyRole(rules.skipFor())) {
            return new Allowed(Reach.ALL_TENANTS);
        }
        for (PolicyRule deny : rules.denies()) {
            if (deny.covers(operation) && deny.matches(identity)) {
                return new Denied(operation + " is denied to roles " + identity.roles() + " on tier " + identity.tier());
            }
        }
        boolean anyAllowCovers = false;
        for (PolicyRule allow : rules.allows()) {
            if (allow.covers(operation)) {
                if (allow.matches(identity)) {
                    return new Allowed(Reach.OWN_TENANT);
                }
                anyAllowCovers = true;
            }
        }
        if (anyAllowCovers || rules.defaultDeny()) {
            return new Denied(operation + " is not allowed to roles " + identity.roles() + " on tier " + identity.tier());
        }
        return new Allowed(Reach.OWN_TENANT);
    }
}
