package io.tenantry.kernel.limits;

import io.tenantry.kernel.context.Tier;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The rate-limit budget of each tier. Every tier must have one, so no tenant can fall through to "unlimited".
 */
public record TierLimits(Map<Tier, Budget> budgets) {

    public TierLimits {
        Objects.requireNonNull(budgets, "'budgets' must not be null");
        for (Tier tier : Tier.values()) {
            if (!budgets.containsKey(tier)) {
                throw new IllegalArgumentException("tier '" + tier.wireName() + "' has no rate-limit budget");
            }
        }
        budgets = Map.copyOf(budgets);
    }

    /** free 100/min, pro 1 000/min, enterprise 100 000/min. */
    public static TierLimits defaults() {
        Map<Tier, Budget> budgets = new EnumMap<>(Tier.class);
        budgets.put(Tier.FREE, Budget.perMinute(100));
        budgets.put(Tier.PRO, Budget.perMinute(1_000));
        budgets.put(Tier.ENTERPRISE, Budget.perMinute(100_000));
        return new TierLimits(budgets);
    }

    public Budget budgetFor(Tier tier) {
        return budgets.get(Objects.requireNonNull(tier, "'tier' must not be null"));
    }

    /** A copy with {@code tier}'s budget replaced, for configuration. */
    public TierLimits with(Tier tier, Budget budget) {
        Map<Tier, Budget> changed = new EnumMap<>(budgets);
        changed.put(tier, budget);
        return new TierLimits(changed);
    }
}
