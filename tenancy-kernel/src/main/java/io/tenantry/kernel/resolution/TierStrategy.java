package io.tenantry.kernel.resolution;

import io.tenantry.kernel.context.Tier;
import io.tenantry.kernel.context.TenantIdentity;

/** Resolves to the identity's tier: for providers that differ by plan, such as S3 for paying tiers. */
public record TierStrategy() implements ResolutionStrategy<Tier> {

    @Override
    public Tier resolve(TenantIdentity identity) {
        return identity.tier();
    }
}
