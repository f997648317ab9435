package io.tenantry.kernel.limits;

import io.tenantry.kernel.context.Tier;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The rate-limit budget of each tier, and the operations that have a budget of their own beside it. Every tier must
 * have an overall budget, so no tenant can fall through to "unlimited"; an operation budget, when declared, must
 * cover every tier too.
 *
 * <p>An operation's budget counts only that operation's requests, keyed by tenant and operation
 * ({@link RateLimitKey#forCurrentTenantOperation(String)}); the request counts against the tier's overall budget as
 * well, and the tightest of the two answers it.
 *
 * @param budgets    each tier's overall budget
 * @param operations per operation name ({@link RateLimitKey#OPERATION_NAME}), each tier's budget for it
 */
public record TierLimits(Map<Tier, Budget> budgets, Map<String, Map<Tier, Budget>> operations) {

    /** Placing an order ({@code POST /api/orders}): a write, so a budget of its own. */
    public static final String PLACE_ORDER = "orders.place";
    /** Storing a file ({@code PUT /api/files/{name}}): a large write, so a tighter one. */
    public static final String STORE_FILE = "files.store";

    public TierLimits {
        everyTierIn(budgets, "tier '%s' has no rate-limit budget");
        Map<String, Map<Tier, Budget>> copied = new LinkedHashMap<>();
        Objects.requireNonNull(operations, "'operations' must not be null").forEach((operation, perTier) -> {
            RateLimitKey.requireOperationName(operation);
            everyTierIn(perTier, "operation '" + operation + "' has no budget for tier '%s'");
            copied.put(operation, Map.copyOf(perTier));
        });
        budgets = Map.copyOf(budgets);
        operations = java.util.Collections.unmodifiableMap(copied);
    }

    /** Overall budgets only, no operation of its own. */
    public TierLimits(Map<Tier, Budget> budgets) {
        this(budgets, Map.of());
    }

    private static void everyTierIn(Map<Tier, Budget> budgets, String missing) {
        Objects.requireNonNull(budgets, "'budgets' must not be null");
        for (Tier tier : Tier.values()) {
            if (!budgets.containsKey(tier)) {
                throw new IllegalArgumentException(missing.formatted(tier.wireName()));
            }
        }
    }

    /**
     * Overall: free 100/min, pro 1 000/min, enterprise 100 000/min. Placing an order: half of each (50, 500,
     * 50 000). Storing a file: a fifth (20, 200, 20 000).
     */
    public static TierLimits defaults() {
        return new TierLimits(perMinute(100, 1_000, 100_000), Map.of(
                PLACE_ORDER, perMinute(50, 500, 50_000),
                STORE_FILE, perMinute(20, 200, 20_000)));
    }

    private static Map<Tier, Budget> perMinute(long free, long pro, long enterprise) {
        Map<Tier, Budget> budgets = new EnumMap<>(Tier.class);
        budgets.put(Tier.FREE, Budget.perMinute(free));
        budgets.put(Tier.PRO, Budget.perMinute(pro));
        budgets.put(Tier.ENTERPRISE, Budget.perMinute(enterprise));
        return budgets;
    }

    public Budget budgetFor(Tier tier) {
        return budgets.get(Objects.requireNonNull(tier, "'tier' must not be null"));
    }

    /** {@code operation}'s own budget for {@code tier}, if the operation has one. */
    public Optional<Budget> budgetFor(String operation, Tier tier) {
        Objects.requireNonNull(tier, "'tier' must not be null");
        return Optional.ofNullable(operations.get(operation)).map(perTier -> perTier.get(tier));
    }

    /** A copy with {@code tier}'s overall budget replaced, for configuration. */
    public TierLimits with(Tier tier, Budget budget) {
        Map<Tier, Budget> changed = new EnumMap<>(budgets);
        changed.put(tier, budget);
        return new TierLimits(changed, operations);
    }

    /** A copy with {@code operation}'s budget for {@code tier} replaced; the operation must already have budgets. */
    public TierLimits with(String operation, Tier tier, Budget budget) {
        Map<Tier, Budget> perTier = operations.get(operation);
        if (perTier == null) {
            throw new IllegalArgumentException("no operation '" + operation + "' has a budget of its own; known: "
                    + operations.keySet());
        }
        Map<Tier, Budget> changed = new EnumMap<>(perTier);
        changed.put(tier, budget);
        Map<String, Map<Tier, Budget>> all = new LinkedHashMap<>(operations);
        all.put(operation, changed);
        return new TierLimits(budgets, all);
    }
}
