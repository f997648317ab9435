package io.tenantry.adapters.persistence.redis;

import io.tenantry.adapters.persistence.memory.InMemoryRateLimiter;
import io.tenantry.adapters.persistence.resilience.ProbedBreaker;
import io.tenantry.application.health.DependencyUnavailable;
import io.tenantry.kernel.limits.Budget;
import io.tenantry.kernel.limits.RateLimitDecision;
import io.tenantry.kernel.limits.RateLimitKey;
import io.tenantry.kernel.limits.RateLimiter;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The shared Redis limiter, kept from making Redis a single point of failure. While Redis answers, every decision
 * is the shared one. When a command fails, or while the breaker says Redis is down, {@link RedisSettings.OutageMode}
 * decides: {@code FAIL_OPEN_LOCAL} decides in this process with the budget divided by the expected instances (the
 * limits still hold per instance, no request fails because of Redis), {@code FAIL_CLOSED} refuses at once. What an
 * instance admitted on its own is counted into the shared window on its next shared decision, so the shared budget
 * is rejoined without a burst.
 */
final class OutageTolerantRateLimiter implements RateLimiter {

    private record Window(RateLimitKey key, long windowMillis) {
    }

    private final RedisRateLimiter shared;
    private final InMemoryRateLimiter local;
    private final ProbedBreaker redis;
    private final RedisSettings settings;
    private final Map<Window, AtomicLong> admittedLocally = new ConcurrentHashMap<>();

    OutageTolerantRateLimiter(RedisRateLimiter shared, InMemoryRateLimiter local, ProbedBreaker redis, RedisSettings settings) {
        this.shared = shared;
        this.local = local;
        this.redis = redis;
        this.settings = settings;
    }

    @Override
    public RateLimitDecision acquire(RateLimitKey key, Budget budget) {
        if (!redis.isOpen()) {
            Window window = new Window(key, budget.window().toMillis());
            AtomicLong pending = admittedLocally.remove(window);
            long catchUp = pending == null ? 0 : pending.get();
            try {
                return shared.acquire(key, budget, catchUp);
            } catch (DependencyUnavailable unreachable) {
                if (catchUp > 0) {
                    admittedLocally.computeIfAbsent(window, w -> new AtomicLong()).addAndGet(catchUp);
                }
                redis.suspect();
            }
        }
        if (settings.outageMode() == RedisSettings.OutageMode.FAIL_CLOSED) {
            throw new DependencyUnavailable("Redis", null);
        }
        Budget share = new Budget(Math.max(1, budget.permits() / settings.expectedInstances()), budget.window());
        RateLimitDecision decision = local.acquire(key, share);
        if (decision.allowed()) {
            admittedLocally.computeIfAbsent(new Window(key, budget.window().toMillis()), w -> new AtomicLong()).incrementAndGet();
        }
        return decision;
    }
}
