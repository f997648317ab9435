package io.tenantry.adapters.web.auth;

import io.javalin.http.Context;
import io.tenantry.adapters.web.http.Problem;
import io.tenantry.adapters.web.http.ProblemException;
import io.tenantry.kernel.context.Tier;
import io.tenantry.kernel.limits.Budget;
import io.tenantry.kernel.limits.RateLimitDecision;
import io.tenantry.kernel.limits.RateLimitKey;
import io.tenantry.kernel.limits.RateLimiter;
import io.tenantry.kernel.limits.TierLimits;

import java.time.Duration;

/**
 * Counts a request against its tenant's tier budget and says so in the headers of the IETF draft
 * (draft-ietf-httpapi-ratelimit-headers): {@code RateLimit-Policy: "pro";q=1000;w=60} and
 * {@code RateLimit: "pro";r=998;t=41}, plus {@code Retry-After} on a 429. The key is the kernel's
 * {@code tenant:{id}}, so every user and every instance of a tenant share one budget.
 */
public final class TierRateLimit {

    private final RateLimiter limiter;
    private final TierLimits limits;

    public TierRateLimit(RateLimiter limiter, TierLimits limits) {
        this.limiter = limiter;
        this.limits = limits;
    }

    /** Counts the request of the tenant bound to the current work; throws a 429 problem when over budget. */
    void enforce(Context ctx, Tier tier) {
        Budget budget = limits.budgetFor(tier);
        RateLimitDecision decision = limiter.acquire(RateLimitKey.forCurrentTenant(), budget);
        String policy = "\"" + tier.wireName() + "\"";
        ctx.header("RateLimit-Policy", policy + ";q=" + budget.permits() + ";w=" + budget.window().toSeconds());
        ctx.header("RateLimit", policy + ";r=" + decision.remaining() + ";t=" + seconds(decision.resetAfter()));
        if (decision instanceof RateLimitDecision.Limited limited) {
            ctx.header("Retry-After", String.valueOf(Math.max(1, seconds(limited.retryAfter()))));
            throw new ProblemException(Problem.tooManyRequests(tier.wireName()));
        }
    }

    private static long seconds(Duration duration) {
        return (duration.toMillis() + 999) / 1_000;
    }
}
