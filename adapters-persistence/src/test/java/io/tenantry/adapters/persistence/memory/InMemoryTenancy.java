package io.tenantry.adapters.persistence.memory;

import io.tenantry.kernel.context.TenantContext;
import io.tenantry.kernel.context.TenantId;
import io.tenantry.kernel.context.TenantIdentity;
import io.tenantry.kernel.policy.AccessDenied;

/** The two checks every in-memory adapter makes, as the database adapters do: a tenant, or the bypass. */
final class InMemoryTenancy {

    private InMemoryTenancy() {
    }

    static TenantIdentity identity() {
        return TenantContext.require("an in-memory repository");
    }

    static TenantId tenant() {
        return identity().tenant();
    }

    static void requireBypass(String what) {
        identity();
        if (!TenantContext.inBypass()) {
            throw new AccessDenied(what + " runs only through the audited Bypass");
        }
    }
}
