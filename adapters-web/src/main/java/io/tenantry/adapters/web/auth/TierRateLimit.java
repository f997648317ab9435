package io.tenantry.adapters.web.auth;

import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tenantry.adapters.web.http.Problem;
import io.tenantry.adapters.web.http.ProblemException;
import io.tenantry.kernel.context.Tier;
import io.tenantry.application.limits.Admission;
import io.tenantry.application.limits.AdmitRequestUseCase;
import io.tenantry.kernel.limits.RateLimitDecision;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Counts a request against its tenant's tier budget, and against its operation's own budget when the route names an
 * operation that has one, through the admission use case; and says so in the headers of the IETF draft
 * (draft-ietf-httpapi-ratelimit-headers): {@code RateLimit-Policy} lists every policy that applies
 * ({@code "pro";q=1000;w=60, "pro.orders.place";q=500;w=60}) and {@code RateLimit} reports the tightest
 * ({@code "pro.orders.place";r=498;t=41}), plus {@code Retry-After} on a 429.
 */
public final class TierRateLimit {

    /** The labels of one decision counter: tier, budget ("overall" or the operation's name), outcome. */
    private record Labels(Tier tier, String budget, boolean allowed) {
    }

    private final AdmitRequestUseCase admission;
    private final MeterRegistry metrics;
    private final Map<Labels, Counter> decisions = new ConcurrentHashMap<>();

    /** Counts every decision in {@code metrics} as {@code tenantry_rate_limit_decisions_total} (no tenant label). */
    public TierRateLimit(AdmitRequestUseCase admission, MeterRegistry metrics) {
        this.admission = admission;
        this.metrics = metrics;
    }

    /**
     * Counts the request of the tenant bound to the current work, for {@code operation} too when it names one with
     * a budget of its own; throws a 429 problem when over either.
     */
    void enforce(Context ctx, Tier tier, Optional<String> operation) {
        Admission admitted = admission.admit(tier, operation);
        ctx.header("RateLimit-Policy", admitted.applied().stream().map(TierRateLimit::policy)
                .collect(Collectors.joining(", ")));
        admitted.decided().forEach(decided -> count(tier, decided));
        Optional<Admission.Decided> refusal = admitted.refusal();
        if (refusal.isPresent()) {
            Admission.Decided refused = refusal.get();
            ctx.header("RateLimit", remaining(refused));
            long retryAfter = ((RateLimitDecision.Limited) refused.decision()).retryAfter().toMillis();
            ctx.header("Retry-After", String.valueOf(Math.max(1, (retryAfter + 999) / 1_000)));
            throw new ProblemException(refused.budget().operation()
                    .map(name -> Problem.tooManyOfOperation(tier.wireName(), name))
                    .orElseGet(() -> Problem.tooManyRequests(tier.wireName())));
        }
        ctx.header("RateLimit", remaining(admitted.tightest()));
    }

    private void count(Tier tier, Admission.Decided decided) {
        String budget = decided.budget().operation().orElse("overall");
        decisions.computeIfAbsent(new Labels(tier, budget, decided.decision().allowed()), labels -> Counter
                .builder("tenantry_rate_limit_decisions").tag("tier", labels.tier().wireName()).tag("budget", labels.budget())
                .tag("outcome", labels.allowed() ? "allowed" : "limited")
                .description("rate-limit decisions by tier, budget (overall or an operation's) and outcome")
                .register(metrics)).increment();
    }

    private static String policy(Admission.AppliedBudget applied) {
        return "\"" + applied.name() + "\";q=" + applied.budget().permits() + ";w=" + applied.budget().window().toSeconds();
    }

    private static String remaining(Admission.Decided decided) {
        return "\"" + decided.budget().name() + "\";r=" + decided.decision().remaining() + ";t="
                + seconds(decided.decision().resetAfter());
    }

    private static long seconds(Duration duration) {
        return (duration.toMillis() + 999) / 1_000;
    }
}
