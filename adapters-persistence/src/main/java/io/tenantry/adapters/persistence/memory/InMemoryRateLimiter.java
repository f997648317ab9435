package io.tenantry.adapters.persistence.memory;

import io.tenantry.kernel.limits.Budget;
import io.tenantry.kernel.limits.RateLimitDecision;
import io.tenantry.kernel.limits.RateLimitKey;
import io.tenantry.kernel.limits.RateLimiter;
import io.tenantry.kernel.limits.SlidingWindow;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sliding-window limiter within one process, for the embedded default. Budgets are per tenant key as with
 * Redis, but not shared across instances: run Redis for that.
 */
public final class InMemoryRateLimiter implements RateLimiter {

    /** The two counters of one key, guarded by the key's entry in the map. */
    private static final class Counters {
        long window = Long.MIN_VALUE;
        long current;
        long previous;
    }

    private final Map<String, Counters> counters = new ConcurrentHashMap<>();
    private final Clock clock;

    public InMemoryRateLimiter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public RateLimitDecision acquire(RateLimitKey key, Budget budget) {
        long windowMillis = budget.window().toMillis();
        long now = clock.millis();
        long window = Math.floorDiv(now, windowMillis);
        long elapsed = now - window * windowMillis;
        Counters state = counters.computeIfAbsent(key.value() + "/" + windowMillis, k -> new Counters());
        synchronized (state) {
            if (state.window != window) {
                state.previous = state.window == window - 1 ? state.current : 0;
                state.current = 0;
                state.window = window;
            }
            boolean allowed = SlidingWindow.admits(budget, elapsed, state.current, state.previous);
            if (allowed) {
                state.current++;
            }
            return SlidingWindow.decision(budget, allowed, elapsed, state.current, state.previous);
        }
    }
}
