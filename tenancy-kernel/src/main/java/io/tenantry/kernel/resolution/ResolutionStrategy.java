package io.tenantry.kernel.resolution;

import io.tenantry.kernel.context.TenantId;
import io.tenantry.kernel.context.TenantIdentity;
import io.tenantry.kernel.context.Tier;

/**
 * Picks the key of the provider an identity should get. It must be a pure function of the identity (no I/O,
 * no clock, no global state) so that the same identity always resolves to the same provider and the choice
 * can be tested as a table.
 *
 * @param <K> the kind of key, e.g. {@link Tier} or a tenant id
 */
@FunctionalInterface
public interface ResolutionStrategy<K> {

    K resolve(TenantIdentity identity);

    /** Resolves by the identity's tier. */
    static ResolutionStrategy<Tier> byTier() {
        return new TierStrategy();
    }

    /** Resolves by the identity's tenant. */
    static ResolutionStrategy<TenantId> byTenant() {
        return new TenantStrategy();
    }
}
