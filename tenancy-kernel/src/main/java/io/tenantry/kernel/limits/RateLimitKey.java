package io.tenantry.kernel.limits;

import io.tenantry.kernel.context.TenantContext;
import io.tenantry.kernel.context.TenantId;

/**
 * The bucket a request is counted in: always {@code tenant:{id}}, taken from the context, so budgets are per
 * tenant (shared by every instance and every user of the tenant) and no caller can choose another tenant's bucket.
 */
public final class RateLimitKey {

    private final TenantId tenant;

    private RateLimitKey(TenantId tenant) {
        this.tenant = tenant;
    }

    /** The bucket of the tenant bound to the current work. */
    public static RateLimitKey forCurrentTenant() {
        return new RateLimitKey(TenantContext.require("a rate-limit key").tenant());
    }

    public TenantId tenant() {
        return tenant;
    }

    /** The storage key, e.g. {@code tenant:acme}. */
    public String value() {
        return "tenant:" + tenant.value();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RateLimitKey key && key.tenant.equals(tenant);
    }

    @Override
    public int hashCode() {
        return tenant.hashCode();
    }

    @Override
    public String toString() {
        return value();
    }
}
