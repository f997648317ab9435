package io.tenantry.adapters.persistence.memory;

import io.tenantry.kernel.limits.RateLimiter;
import io.tenantry.kernel.testing.RateLimiterContract;

import java.time.Clock;

class InMemoryRateLimiterTest extends RateLimiterContract {

    @Override
    protected RateLimiter freshLimiter() {
        return new InMemoryRateLimiter(Clock.systemUTC());
    }
}
