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
import java.util.Optional;

/**
 * Counts a request against its tenant's tier budget, and against its operation's own budget when the route names an
 * operation that has one ({@link TierLimits#operations()}), and says so in the headers of the IETF draft
 * (draft-ietf-httpapi-ratelimit-headers): {@code RateLimit-Policy} lists every policy that applies
 * ({@code "pro";q=1000;w=60, "pro.orders.place";q=500;w=60}) and {@code RateLimit} reports the tightest
 * ({@code "pro.orders.place";r=498;t=41}), plus {@code Retry-After} on a 429. The keys are the kernel's
 * ({@code tenant:{id}}, {@code tenant:{id}:{operation}}), so every user and every instance of a tenant share them.
 */
public final class TierRateLimit {

    private final RateLimiter limiter;
    private final TierLimits limits;

    public TierRateLimit(RateLimiter limiter, TierLimits limits) {
        this.limiter = limiter;
        this.limits = limits;
    }

    /**
     * Counts the request of the tenant bound to the current work, for {@code operation} too when it names one with
     * a budget of its own; throws a 429 problem when over either.
     */
    void enforce(Context ctx, Tier tier, Optional<String> operation) {
        Budget overall = limits.budgetFor(tier);
        String tierPolicy = "\"" + tier.wireName() + "\"";
        Optional<Budget> own = operation.flatMap(name -> limits.budgetFor(name, tier));
        String policies = policy(tierPolicy, overall) + own.map(budget -> ", " + policy(
                "\"" + tier.wireName() + "." + operation.orElseThrow() + "\"", budget)).orElse("");
        ctx.header("RateLimit-Policy", policies);
        RateLimitDecision decision = limiter.acquire(RateLimitKey.forCurrentTenant(), overall);
        if (decision instanceof RateLimitDecision.Limited limited) {
            refuse(ctx, tierPolicy, limited, Problem.tooManyRequests(tier.wireName()));
        }
        if (own.isEmpty()) {
            ctx.header("RateLimit", remaining(tierPolicy, decision));
            return;
        }
        String operationPolicy = "\"" + tier.wireName() + "." + operation.orElseThrow() + "\"";
        RateLimitDecision forOperation = limiter.acquire(RateLimitKey.forCurrentTenantOperation(operation.orElseThrow()),
                own.get());
        if (forOperation instanceof RateLimitDecision.Limited limited) {
            refuse(ctx, operationPolicy, limited, Problem.tooManyOfOperation(tier.wireName(), operation.orElseThrow()));
        }
        ctx.header("RateLimit", forOperation.remaining() < decision.remaining()
                ? remaining(operationPolicy, forOperation) : remaining(tierPolicy, decision));
    }

    private static String policy(String name, Budget budget) {
        return name + ";q=" + budget.permits() + ";w=" + budget.window().toSeconds();
    }

    private static String remaining(String name, RateLimitDecision decision) {
        return name + ";r=" + decision.remaining() + ";t=" + seconds(decision.resetAfter());
    }

    private static void refuse(Context ctx, String name, RateLimitDecision.Limited limited, Problem problem) {
        ctx.header("RateLimit", remaining(name, limited));
        ctx.header("Retry-After", String.valueOf(Math.max(1, seconds(limited.retryAfter()))));
        throw new ProblemException(problem);
    }

    private static long seconds(Duration duration) {
        return (duration.toMillis() + 999) / 1_000;
    }
}
