package io.tenantry.adapters.persistence.memory;

import io.tenantry.kernel.cache.CacheKey;
import io.tenantry.kernel.cache.CacheTag;
import io.tenantry.kernel.cache.TenantCache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tenant cache in one process, for the embedded default. Keys come from {@link CacheKey}, so every entry is
 * already prefixed by its tenant; values are kept as given (records are immutable).
 */
public final class InMemoryTenantCache implements TenantCache {

    private record Entry(Object value, Instant expires) {
    }

    private final Map<CacheKey, Entry> entries = new ConcurrentHashMap<>();
    private final Map<CacheTag, Set<CacheKey>> tagged = new ConcurrentHashMap<>();
    private final Clock clock;

    public InMemoryTenantCache(Clock clock) {
        this.clock = clock;
    }

    @Override
    public <V> Optional<V> get(CacheKey key, Class<V> type) {
        Entry entry = entries.get(key);
        if (entry == null || !entry.expires().isAfter(clock.instant())) {
            return Optional.empty();
        }
        return type.isInstance(entry.value()) ? Optional.of(type.cast(entry.value())) : Optional.empty();
    }

    @Override
    public <V> void put(CacheKey key, V value, Duration ttl, Set<CacheTag> tags) {
        entries.put(key, new Entry(value, clock.instant().plus(ttl)));
        for (CacheTag tag : tags) {
            tagged.computeIfAbsent(tag, t -> ConcurrentHashMap.newKeySet()).add(key);
        }
    }

    @Override
    public void invalidate(CacheKey key) {
        entries.remove(key);
    }

    @Override
    public void invalidateTag(CacheTag tag) {
        Set<CacheKey> keys = tagged.remove(tag);
        if (keys != null) {
            keys.forEach(entries::remove);
        }
    }
}
