package io.tenantry.application.limits;

import io.tenantry.kernel.context.Tier;
import io.tenantry.kernel.limits.Budget;
import io.tenantry.kernel.limits.RateLimitDecision;
import io.tenantry.kernel.limits.RateLimitKey;
import io.tenantry.kernel.limits.RateLimiter;
import io.tenantry.kernel.limits.TierLimits;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Counts requests against the budgets of {@link TierLimits} with a {@link RateLimiter}. The keys are the kernel's
 * ({@code tenant:{id}}, {@code tenant:{id}:{operation}}), so every user and every instance of a tenant share them.
 */
public final class RequestAdmission implements AdmitRequestUseCase {

    private final RateLimiter limiter;
    private final TierLimits limits;

    public RequestAdmission(RateLimiter limiter, TierLimits limits) {
        this.limiter = limiter;
        this.limits = limits;
    }

    @Override
    public Admission admit(Tier tier, Optional<String> operation) {
        Admission.AppliedBudget overall = new Admission.AppliedBudget(tier.wireName(), Optional.empty(),
                limits.budgetFor(tier));
        Optional<Admission.AppliedBudget> own = operation.flatMap(name -> limits.budgetFor(name, tier)
                .map(budget -> new Admission.AppliedBudget(tier.wireName(), Optional.of(name), budget)));
        List<Admission.AppliedBudget> applied = new ArrayList<>(List.of(overall));
        own.ifPresent(applied::add);

        List<Admission.Decided> decided = new ArrayList<>();
        RateLimitDecision first = limiter.acquire(RateLimitKey.forCurrentTenant(), overall.budget());
        decided.add(new Admission.Decided(overall, first));
        if (first.allowed() && own.isPresent()) {
            Budget budget = own.get().budget();
            decided.add(new Admission.Decided(own.get(),
                    limiter.acquire(RateLimitKey.forCurrentTenantOperation(operation.orElseThrow()), budget)));
        }
        return new Admission(applied, decided);
    }

    /** The budgets this admission counts against. */
    public TierLimits limits() {
        return limits;
    }
}
