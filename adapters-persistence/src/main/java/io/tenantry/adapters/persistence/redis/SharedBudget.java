package io.tenantry.adapters.persistence.redis;

import io.tenantry.kernel.limits.Budget;
import io.tenantry.kernel.limits.RateLimitDecision;
import io.tenantry.kernel.limits.RateLimitKey;
import io.tenantry.kernel.limits.RateLimiter;

/** A budget shared through Redis, as {@link OutageTolerantRateLimiter} asks it while Redis answers. */
interface SharedBudget extends RateLimiter {

    /** One request against the shared budget, with nothing admitted elsewhere to count first. */
    @Override
    default RateLimitDecision acquire(RateLimitKey key, Budget budget) {
        return acquire(key, budget, 0);
    }

    /**
     * Decides one request against the shared budget, first counting {@code admittedElsewhere} requests this instance
     * admitted on its own while Redis was down. Throws {@code DependencyUnavailable} when Redis does not answer.
     */
    RateLimitDecision acquire(RateLimitKey key, Budget budget, long admittedElsewhere);
}
