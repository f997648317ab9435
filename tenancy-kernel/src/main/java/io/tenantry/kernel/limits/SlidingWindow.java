package io.tenantry.kernel.limits;

import java.time.Duration;

/**
 * The sliding-window counter every {@link RateLimiter} adapter uses, so they agree to the request: the count of the
 * current fixed window plus the previous window's count weighted by how much of it still overlaps the sliding
 * window. O(1) state per key (two counters), exact at window edges to within that weighting.
 *
 * <p>Adapters keep the two counters (atomically, for shared stores) and ask this class what they mean.
 */
public final class SlidingWindow {

    private SlidingWindow() {
    }

    /** The requests the sliding window holds now. */
    public static double estimate(Budget budget, long elapsedMillis, long current, long previous) {
        long window = budget.window().toMillis();
        return previous * (double) (window - elapsedMillis) / window + current;
    }

    /** Whether one more request fits. */
    public static boolean admits(Budget budget, long elapsedMillis, long current, long previous) {
        return estimate(budget, elapsedMillis, current, previous) + 1 <= budget.permits();
    }

    /**
     * The decision for a request, given the counters after it was counted (when {@code allowed}) or as they stand
     * (when refused), and the time elapsed in the current fixed window.
     */
    public static RateLimitDecision decision(Budget budget, boolean allowed, long elapsedMillis, long current, long previous) {
        long window = budget.window().toMillis();
        Duration reset = Duration.ofMillis(window - elapsedMillis);
        if (allowed) {
            long remaining = (long) Math.floor(budget.permits() - estimate(budget, elapsedMillis, current, previous));
            return new RateLimitDecision.Allowed(budget.permits(), Math.clamp(remaining, 0, budget.permits() - 1), reset);
        }
        return new RateLimitDecision.Limited(budget.permits(), reset,
                Duration.ofMillis(waitUntilAdmitted(budget, elapsedMillis, current, previous)));
    }

    /** The shortest wait after which one more request fits, assuming no other requests meanwhile. */
    static long waitUntilAdmitted(Budget budget, long elapsedMillis, long current, long previous) {
        long window = budget.window().toMillis();
        double room = budget.permits() - 1;
        if (current <= room && previous > 0) {
            double elapsedNeeded = window - (room - current) * window / previous;
            if (elapsedNeeded < window) {
                return Math.max(0, (long) Math.ceil(elapsedNeeded - elapsedMillis));
            }
        }
        double intoNextWindow = current == 0 ? 0 : Math.max(0, window - room * window / current);
        return (window - elapsedMillis) + (long) Math.ceil(intoNextWindow);
    }
}
