package io.tenantry.kernel.cache;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A cache whose every entry belongs to one tenant, because its keys can only be made for the current tenant.
 * Values are plain data (records) the adapter can serialise; tags let related entries be dropped together.
 */
public interface TenantCache {

    <V> Optional<V> get(CacheKey key, Class<V> type);

    <V> void put(CacheKey key, V value, Duration ttl, Set<CacheTag> tags);

    void invalidate(CacheKey key);

    /** Drops every entry put with {@code tag}. */
    void invalidateTag(CacheTag tag);

    /** The cached value, or {@code loader}'s, which is then cached when present. */
    default <V> Optional<V> getOrLoad(CacheKey key, Class<V> type, Duration ttl, Set<CacheTag> tags,
                                      Supplier<Optional<V>> loader) {
        Optional<V> cached = get(key, type);
        if (cached.isPresent()) {
            return cached;
        }
        Optional<V> loaded = loader.get();
        loaded.ifPresent(value -> put(key, value, ttl, tags));
        return loaded;
    }
}
