package io.tenantry.kernel.limits;

import io.tenantry.kernel.context.MissingTenantContext;
import io.tenantry.kernel.context.Tier;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.tenantry.kernel.testing.TwoTenants.MEMBER_A;
import static io.tenantry.kernel.testing.TwoTenants.MEMBER_B;
import static io.tenantry.kernel.testing.TwoTenants.OWNER_A;
import static io.tenantry.kernel.testing.TwoTenants.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TierLimitsTest {

    @Test
    void defaultsAreAHundredAThousandAndAHundredThousandPerMinute() {
        TierLimits limits = TierLimits.defaults();
        assertEquals(Budget.perMinute(100), limits.budgetFor(Tier.FREE));
        assertEquals(Budget.perMinute(1_000), limits.budgetFor(Tier.PRO));
        assertEquals(Budget.perMinute(100_000), limits.budgetFor(Tier.ENTERPRISE));
    }

    @Test
    void everyTierMustHaveABudget() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new TierLimits(Map.of(Tier.FREE, Budget.perMinute(1), Tier.PRO, Budget.perMinute(2))));
        assertTrue(error.getMessage().contains("enterprise"), error.getMessage());
    }

    @Test
    void oneTiersBudgetCanBeReplaced() {
        TierLimits limits = TierLimits.defaults().with(Tier.FREE, new Budget(5, Duration.ofSeconds(10)));
        assertEquals(new Budget(5, Duration.ofSeconds(10)), limits.budgetFor(Tier.FREE));
        assertEquals(Budget.perMinute(1_000), limits.budgetFor(Tier.PRO));
    }

    @Test
    void placingOrdersAndStoringFilesHaveBudgetsOfTheirOwnByDefault() {
        TierLimits limits = TierLimits.defaults();
        assertEquals(Budget.perMinute(50), limits.budgetFor(TierLimits.PLACE_ORDER, Tier.FREE).orElseThrow());
        assertEquals(Budget.perMinute(50_000), limits.budgetFor(TierLimits.PLACE_ORDER, Tier.ENTERPRISE).orElseThrow());
        assertEquals(Budget.perMinute(200), limits.budgetFor(TierLimits.STORE_FILE, Tier.PRO).orElseThrow());
        assertTrue(limits.budgetFor("orders.list", Tier.PRO).isEmpty(), "other operations have only the overall budget");
        TierLimits changed = limits.with(TierLimits.PLACE_ORDER, Tier.PRO, Budget.perMinute(3));
        assertEquals(Budget.perMinute(3), changed.budgetFor(TierLimits.PLACE_ORDER, Tier.PRO).orElseThrow());
        assertEquals(Budget.perMinute(1_000), changed.with(Tier.PRO, Budget.perMinute(1_000)).budgetFor(Tier.PRO));
        assertEquals(Budget.perMinute(3), changed.with(Tier.PRO, Budget.perMinute(9)).budgetFor(TierLimits.PLACE_ORDER,
                Tier.PRO).orElseThrow(), "replacing the overall budget keeps the operations'");
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> limits.with("orders.lsit", Tier.PRO, Budget.perMinute(3)));
        assertTrue(unknown.getMessage().contains("orders.place"), unknown.getMessage());
    }

    @Test
    void anOperationBudgetCoversEveryTierAndHasAPlainName() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> new TierLimits(
                TierLimits.defaults().budgets(), Map.of("orders.place", Map.of(Tier.FREE, Budget.perMinute(1)))));
        assertTrue(missing.getMessage().contains("'orders.place' has no budget for tier 'pro'"), missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TierLimits(TierLimits.defaults().budgets(),
                Map.of("Orders Place", TierLimits.defaults().budgets())));
    }

    @Test
    void anOperationsKeyIsItsTenantsWithTheOperationAndSharesTheTenantPart() {
        RateLimitKey overall = key(MEMBER_A, null);
        RateLimitKey placing = key(MEMBER_A, "orders.place");
        assertEquals("tenant:tenant-a:orders.place", placing.value());
        assertEquals(overall.tenantPart(), placing.tenantPart());
        assertNotEquals(overall, placing);
        assertEquals(placing, key(OWNER_A, "orders.place"));
        assertNotEquals(placing, key(MEMBER_B, "orders.place"));
        assertThrows(IllegalArgumentException.class, () -> key(MEMBER_A, "../x"));
        assertThrows(MissingTenantContext.class, () -> RateLimitKey.forCurrentTenantOperation("orders.place"));
    }

    /** The current tenant's key, overall when {@code operation} is null. */
    private static RateLimitKey key(io.tenantry.kernel.context.TenantIdentity who, String operation) {
        java.util.function.Supplier<RateLimitKey> key = operation == null ? RateLimitKey::forCurrentTenant
                : () -> RateLimitKey.forCurrentTenantOperation(operation);
        return as(who, key);
    }

    @Test
    void budgetsRefuseNonsense() {
        assertThrows(IllegalArgumentException.class, () -> Budget.perMinute(0));
        assertThrows(IllegalArgumentException.class, () -> new Budget(1, Duration.ofMillis(10)));
    }

    @Test
    void theRateLimitKeyIsTheCurrentTenantsAndSharedByItsUsers() {
        RateLimitKey alice = as(MEMBER_A, RateLimitKey::forCurrentTenant);
        assertEquals("tenant:tenant-a", alice.value());
        assertEquals(alice, as(OWNER_A, RateLimitKey::forCurrentTenant));
        assertNotEquals(alice, as(MEMBER_B, RateLimitKey::forCurrentTenant));
        assertThrows(MissingTenantContext.class, RateLimitKey::forCurrentTenant);
    }

    @Test
    void decisionsCarryWhatTheHeadersNeed() {
        RateLimitDecision allowed = new RateLimitDecision.Allowed(100, 99, Duration.ofSeconds(60));
        assertTrue(allowed.allowed());
        assertEquals(99, allowed.remaining());
        RateLimitDecision limited = new RateLimitDecision.Limited(100, Duration.ofSeconds(12), Duration.ofSeconds(12));
        assertFalse(limited.allowed());
        assertEquals(0, limited.remaining());
        assertThrows(IllegalArgumentException.class, () -> new RateLimitDecision.Allowed(100, 100, Duration.ZERO));
    }
}
