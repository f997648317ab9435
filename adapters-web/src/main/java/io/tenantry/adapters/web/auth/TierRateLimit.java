package io.tenantry.adapters.web.auth;

import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tenantry.adapters.web.http.Problem;
import io.tenantry.adapters.web.http.ProblemException;
import io.tenantry.kernel.context.Tier;
import io.tenantry.kernel.limits.Budget;
import io.tenantry.kernel.limits.RateLimitDecision;
import io.tenantry.kernel.limits.RateLimitKey;
import io.tenantry.kernel.limits.RateLimiter;
import io.tenantry.kernel.limits.TierLimits;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts a request against its tenant's tier budget, and against its operation's own budget when the route names an
 * operation that has one ({@link TierLimits#operations()}), and says so in the headers of the IETF draft
 * (draft-ietf-httpapi-ratelimit-headers): {@code RateLimit-Policy} lists every policy that applies
 * ({@code "pro";q=1000;w=60, "pro.orders.place";q=500;w=60}) and {@code RateLimit} reports the tightest
 * ({@code "pro.orders.place";r=498;t=41}), plus {@code Retry-After} on a 429. The keys are the kernel's
 * ({@code tenant:{id}}, {@code tenant:{id}:{operation}}), so every user and every instance of a tenant share them.
 */
public final class TierRateLimit {

    /** The labels of one decision counter: tier, budget ("overall" or the operation's name), outcome. */
    private record Labels(Tier tier, String budget, boolean allowed) {
    }

    private final RateLimiter limiter;
    private final TierLimits limits;
    private final MeterRegistry metrics;
    private final Map<Labels, Counter> decisions = new ConcurrentHashMap<>();

    /** Counts every decision in {@code metrics} as {@code tenantry_rate_limit_decisions_total} (no tenant label). */
    public TierRateLimit(RateLimiter limiter, TierLimits limits, MeterRegistry metrics) {
        this.limiter = limiter;
        this.limits = limits;
        this.metrics = metrics;
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
        count(tier, "overall", decision);
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
        count(tier, operation.orElseThrow(), forOperation);
        if (forOperation instanceof RateLimitDecision.Limited limited) {
            refuse(ctx, operationPolicy, limited, Problem.tooManyOfOperation(tier.wireName(), operation.orElseThrow()));
        }
        ctx.header("RateLimit", forOperation.remaining() < decision.remaining()
                ? remaining(operationPolicy, forOperation) : remaining(tierPolicy, decision));
    }

    private void count(Tier tier, String budget, RateLimitDecision decision) {
        decisions.computeIfAbsent(new Labels(tier, budget, decision.allowed()), labels -> Counter
                .builder("tenantry_rate_limit_decisions").tag("tier", labels.tier().wireName()).tag("budget", labels.budget())
                .tag("outcome", labels.allowed() ? "allowed" : "limited")
                .description("rate-limit decisions by tier, budget (overall or an operation's) and outcome")
                .register(metrics)).increment();
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
