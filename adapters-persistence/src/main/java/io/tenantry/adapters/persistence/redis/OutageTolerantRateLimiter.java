package io.tenantry.adapters.persistence.redis;

import io.tenantry.adapters.persistence.memory.InMemoryRateLimiter;
import io.tenantry.adapters.persistence.resilience.ProbedBreaker;
import io.tenantry.application.health.DependencyUnavailable;
import io.tenantry.kernel.limits.Budget;
import io.tenantry.kernel.limits.RateLimitDecision;
import io.tenantry.kernel.limits.RateLimitKey;
import io.tenantry.kernel.limits.RateLimiter;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The shared Redis limiter, kept from making Redis a single point of failure. While Redis answers, every decision
 * is the shared one. When a command fails, or while the breaker says Redis is down, {@link RedisSettings.OutageMode}
 * decides: {@code FAIL_OPEN_LOCAL} decides in this process with the budget divided by the expected instances (the
 * limits still hold per instance, no request fails because of Redis), {@code FAIL_CLOSED} refuses at once. What an
 * instance admitted on its own in the current or the previous window is counted into the shared window on its next
 * shared decision, so the shared budget is rejoined without a burst; older admissions no longer weigh in a sliding
 * window and are dropped.
 */
final class OutageTolerantRateLimiter implements RateLimiter {

    private record Window(RateLimitKey key, long windowMillis) {
    }

    /** Requests admitted locally in the fixed window numbered {@code index}. */
    private record Admitted(long index, AtomicLong count) {
    }

    private final SharedBudget shared;
    private final InMemoryRateLimiter local;
    private final ProbedBreaker redis;
    private final RedisSettings settings;
    private final Clock clock;
    private final Map<Window, Admitted> admittedLocally = new ConcurrentHashMap<>();

    OutageTolerantRateLimiter(SharedBudget shared, InMemoryRateLimiter local, ProbedBreaker redis, RedisSettings settings,
                              Clock clock) {
        this.shared = shared;
        this.local = local;
        this.redis = redis;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public RateLimitDecision acquire(RateLimitKey key, Budget budget) {
        Window window = new Window(key, budget.window().toMillis());
        if (!redis.isOpen()) {
            long catchUp = takeAdmittedLocally(window);
            try {
                return shared.acquire(key, budget, catchUp);
            } catch (DependencyUnavailable unreachable) {
                // the script may or may not have run: counting the admissions again errs on the side of the budget
                addAdmittedLocally(window, catchUp);
                redis.suspect();
            }
        }
        if (settings.outageMode() == RedisSettings.OutageMode.FAIL_CLOSED) {
            throw new DependencyUnavailable("Redis", null);
        }
        Budget share = new Budget(Math.max(1, budget.permits() / settings.expectedInstances()), budget.window());
        RateLimitDecision decision = local.acquire(key, share);
        if (decision.allowed()) {
            addAdmittedLocally(window, 1);
        }
        return decision;
    }

    private long index(Window window) {
        return clock.millis() / window.windowMillis();
    }

    private void addAdmittedLocally(Window window, long count) {
        if (count == 0) {
            return;
        }
        long now = index(window);
        admittedLocally.compute(window, (w, admitted) -> {
            Admitted current = admitted == null || admitted.index() != now ? new Admitted(now, new AtomicLong()) : admitted;
            current.count().addAndGet(count);
            return current;
        });
    }

    /** What this instance admitted alone and the shared window has not counted yet, if it still weighs. */
    private long takeAdmittedLocally(Window window) {
        Admitted admitted = admittedLocally.remove(window);
        return admitted == null || admitted.index() < index(window) - 1 ? 0 : admitted.count().get();
    }
}
