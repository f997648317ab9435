package io.tenantry.application.limits;

import io.tenantry.kernel.limits.Budget;
import io.tenantry.kernel.limits.RateLimitDecision;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What counting one request came to: every budget that applies to it, and the decision of each one counted. Counting
 * stops at the first budget that refuses, so a request refused overall is not counted against its operation too.
 *
 * @param applied the budgets that apply, the tier's first
 * @param decided the decisions made, in the same order, up to the first refusal
 */
public record Admission(List<AppliedBudget> applied, List<Decided> decided) {

    /** A budget that applies to a request: the tier's own ({@code operation} empty) or an operation's. */
    public record AppliedBudget(String tier, Optional<String> operation, Budget budget) {
        public AppliedBudget {
            Objects.requireNonNull(tier, "'tier' must not be null");
            Objects.requireNonNull(operation, "'operation' must not be null");
            Objects.requireNonNull(budget, "'budget' must not be null");
        }

        /** The policy's name as clients see it: {@code pro}, or {@code pro.orders.place}. */
        public String name() {
            return operation.map(name -> tier + "." + name).orElse(tier);
        }
    }

    /** One budget's decision. */
    public record Decided(AppliedBudget budget, RateLimitDecision decision) {
    }

    public Admission {
        applied = List.copyOf(applied);
        decided = List.copyOf(decided);
        if (decided.isEmpty()) {
            throw new IllegalArgumentException("an admission decides at least the tier's budget");
        }
    }

    /** The decision that refused the request, if one did. */
    public Optional<Decided> refusal() {
        return decided.stream().filter(one -> one.decision() instanceof RateLimitDecision.Limited).findFirst();
    }

    /** The decision with the fewest requests left: what the client is told about. */
    public Decided tightest() {
        return refusal().orElseGet(() -> decided.stream()
                .min(Comparator.comparingLong(one -> one.decision().remaining())).orElseThrow());
    }
}
