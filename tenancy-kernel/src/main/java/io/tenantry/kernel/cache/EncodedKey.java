package io.tenantry.kernel.cache;

import io.tenantry.kernel.context.TenantId;

/** What {@link CacheKey} and {@link CacheTag} share: a tenant and its encoded string, compared by both. */
abstract sealed class EncodedKey permits CacheKey, CacheTag {

    private final TenantId tenant;
    private final String value;

    EncodedKey(TenantId tenant, String value) {
        this.tenant = tenant;
        this.value = value;
    }

    public final TenantId tenant() {
        return tenant;
    }

    /** The encoded form, unique per tenant, namespace and parts. */
    public final String value() {
        return value;
    }

    @Override
    public final boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && ((EncodedKey) other).value.equals(value);
    }

    @Override
    public final int hashCode() {
        return value.hashCode();
    }

    @Override
    public final String toString() {
        return value;
    }
}
