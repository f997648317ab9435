package io.tenantry.adapters.persistence.redis;

import io.tenantry.adapters.persistence.resilience.ProbedBreaker;
import io.tenantry.application.health.DependencyUnavailable;
import io.tenantry.kernel.cache.CacheKey;
import io.tenantry.kernel.cache.CacheTag;
import io.tenantry.kernel.cache.TenantCache;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shared tenant cache, which never fails a request because Redis is down: a read is a miss (the caller loads
 * from the database), a write is skipped. An invalidation that cannot reach Redis is kept and replayed before the
 * breaker lets callers back to Redis, so an entry that changed during the outage is never served stale afterwards.
 */
final class OutageTolerantTenantCache implements TenantCache {

    private final RedisTenantCache shared;
    private final ProbedBreaker redis;
    private final Set<CacheKey> pendingKeys = ConcurrentHashMap.newKeySet();
    private final Set<CacheTag> pendingTags = ConcurrentHashMap.newKeySet();

    OutageTolerantTenantCache(RedisTenantCache shared, ProbedBreaker redis) {
        this.shared = shared;
        this.redis = redis;
    }

    @Override
    public <V> Optional<V> get(CacheKey key, Class<V> type) {
        if (redis.isOpen()) {
            return Optional.empty();
        }
        try {
            return shared.get(key, type);
        } catch (DependencyUnavailable unreachable) {
            redis.suspect();
            return Optional.empty();
        }
    }

    @Override
    public <V> void put(CacheKey key, V value, Duration ttl, Set<CacheTag> tags) {
        if (redis.isOpen()) {
            return;
        }
        try {
            shared.put(key, value, ttl, tags);
        } catch (DependencyUnavailable unreachable) {
            redis.suspect();
        }
    }

    @Override
    public void invalidate(CacheKey key) {
        invalidateOrHoldBack(key, shared::invalidate, pendingKeys);
    }

    @Override
    public void invalidateTag(CacheTag tag) {
        invalidateOrHoldBack(tag, shared::invalidateTag, pendingTags);
    }

    /** Invalidates {@code what} in Redis, or keeps it in {@code pending} for {@link #catchUp()} when Redis is down. */
    private <T> void invalidateOrHoldBack(T what, java.util.function.Consumer<T> invalidation, Set<T> pending) {
        if (redis.isOpen()) {
            pending.add(what);
            return;
        }
        try {
            invalidation.accept(what);
        } catch (DependencyUnavailable unreachable) {
            pending.add(what);
            redis.suspect();
        }
    }

    /** Replays the invalidations the outage held back; throws (and keeps the rest) if Redis fails again. */
    void catchUp() {
        for (CacheKey key : Set.copyOf(pendingKeys)) {
            shared.invalidate(key);
            pendingKeys.remove(key);
        }
        for (CacheTag tag : Set.copyOf(pendingTags)) {
            shared.invalidateTag(tag);
            pendingTags.remove(tag);
        }
    }
}
