package io.tenantry.kernel.limits;

/**
 * Counts requests in a sliding window per key. Implementations shared by several instances must decide
 * atomically (one script per decision for Redis), or two instances could each let the last permit through.
 */
public interface RateLimiter {

    /** Counts one request against {@code budget} if it fits and says what happened. */
    RateLimitDecision acquire(RateLimitKey key, Budget budget);
}
