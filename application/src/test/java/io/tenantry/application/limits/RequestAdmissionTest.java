package io.tenantry.application.limits;

import io.tenantry.kernel.context.Tier;
import io.tenantry.kernel.limits.RateLimitDecision;
import io.tenantry.kernel.limits.RateLimitKey;
import io.tenantry.kernel.limits.TierLimits;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.tenantry.kernel.testing.TwoTenants.MEMBER_A;
import static io.tenantry.kernel.testing.TwoTenants.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which budgets a request is counted against, in which order, and which decision the client is told about. */
class RequestAdmissionTest {

    private final List<RateLimitKey> counted = new ArrayList<>();

    @Test
    void anOperationWithABudgetIsCountedAfterTheTierAndTheTighterOneIsReported() {
        RequestAdmission admission = new RequestAdmission((key, budget) -> {
            counted.add(key);
            return new RateLimitDecision.Allowed(budget.permits(), key.operation().isPresent() ? 3 : 90, Duration.ofSeconds(10));
        }, TierLimits.defaults());
        Admission admitted = as(MEMBER_A, () -> admission.admit(Tier.PRO, Optional.of(TierLimits.PLACE_ORDER)));
        assertEquals(List.of("pro", "pro.orders.place"), admitted.applied().stream().map(Admission.AppliedBudget::name).toList());
        assertEquals(List.of(Optional.empty(), Optional.of(TierLimits.PLACE_ORDER)),
                counted.stream().map(RateLimitKey::operation).toList(), "the tier's budget first, then the operation's");
        assertTrue(counted.stream().allMatch(key -> key.tenant().equals(MEMBER_A.tenant())), "the current tenant's keys");
        assertTrue(admitted.refusal().isEmpty());
        assertEquals("pro.orders.place", admitted.tightest().budget().name(), "3 left beats 90 left");
    }

    @Test
    void aRequestRefusedOverallIsNotCountedAgainstItsOperation() {
        RequestAdmission admission = new RequestAdmission((key, budget) -> {
            counted.add(key);
            return new RateLimitDecision.Limited(budget.permits(), Duration.ofSeconds(5), Duration.ofSeconds(2));
        }, TierLimits.defaults());
        Admission refused = as(MEMBER_A, () -> admission.admit(Tier.FREE, Optional.of(TierLimits.PLACE_ORDER)));
        assertEquals(1, counted.size(), "only the tier's budget was counted");
        assertEquals("free", refused.refusal().orElseThrow().budget().name());
        assertEquals(2, refused.applied().size(), "both policies still apply and are listed");
    }

    @Test
    void anOperationWithoutABudgetOfItsOwnIsCountedOnlyOverall() {
        RequestAdmission admission = new RequestAdmission((key, budget) -> {
            counted.add(key);
            return new RateLimitDecision.Allowed(budget.permits(), 1, Duration.ofSeconds(1));
        }, TierLimits.defaults());
        Admission admitted = as(MEMBER_A, () -> admission.admit(Tier.ENTERPRISE, Optional.of("orders.read")));
        assertEquals(1, counted.size());
        assertEquals("enterprise", admitted.tightest().budget().name());
    }
}
