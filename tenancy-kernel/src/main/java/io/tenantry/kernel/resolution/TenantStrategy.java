package io.tenantry.kernel.resolution;

import io.tenantry.kernel.context.TenantId;
import io.tenantry.kernel.context.TenantIdentity;

/** Resolves to the identity's tenant: for providers dedicated to named tenants, such as their own database. */
public record TenantStrategy() implements ResolutionStrategy<TenantId> {

    @Override
    public TenantId resolve(TenantIdentity identity) {
        return identity.tenant();
    }
}
