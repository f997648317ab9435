package io.tenantry.kernel.cache;

import io.tenantry.kernel.context.TenantId;

/**
 * The key of one cache entry. It can only be built for the tenant bound to the current work, and not inside
 * the audited bypass, so a tenant-less or cross-tenant cache entry is impossible by construction.
 */
public final class CacheKey extends EncodedKey {

    private CacheKey(TenantId tenant, String value) {
        super(tenant, value);
    }

    /** A key in {@code namespace} made of {@code parts}, for the current tenant. */
    public static CacheKey of(String namespace, String... parts) {
        TenantId tenant = KeyEncoding.currentTenant("a cache key");
        return new CacheKey(tenant, KeyEncoding.encode(tenant, namespace, parts));
    }
}
