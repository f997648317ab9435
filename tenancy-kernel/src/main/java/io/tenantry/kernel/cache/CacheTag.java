package io.tenantry.kernel.cache;

import io.tenantry.kernel.context.TenantId;

/**
 * A label shared by cache entries that are invalidated together (e.g. every entry derived from one user).
 * Built like {@link CacheKey}: only for the current tenant, never inside the bypass.
 */
public final class CacheTag extends EncodedKey {

    private CacheTag(TenantId tenant, String value) {
        super(tenant, value);
    }

    /** A tag in {@code namespace} made of {@code parts}, for the current tenant. */
    public static CacheTag of(String namespace, String... parts) {
        TenantId tenant = KeyEncoding.currentTenant("a cache tag");
        return new CacheTag(tenant, "tag:" + KeyEncoding.encode(tenant, namespace, parts));
    }
}
