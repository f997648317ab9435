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
 * from the database), a write is skipped. An invalidation that cannot reach Redis is kept in this process and
 * replayed before the breaker lets callers back to Redis, and again before any call that finds some still held
 * back (one may arrive while the replay runs), so this instance never reads an entry it meant to drop. Held-back
 * invalidations live in memory: an instance restarted during an outage loses them, and the entries they meant to
 * drop live until their time to live ends.
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
        if (redis.isOpen() || !caughtUp()) {
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
        if (redis.isOpen() || !caughtUp()) {
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
        if (redis.isOpen() || !caughtUp()) {
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

    /** Whether no invalidation is held back any more, replaying those that are; false if Redis fails again. */
    private boolean caughtUp() {
        if (pendingKeys.isEmpty() && pendingTags.isEmpty()) {
            return true;
        }
        try {
            catchUp();
            return true;
        } catch (DependencyUnavailable unreachable) {
            redis.suspect();
            return false;
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
