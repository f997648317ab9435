package io.tenantry.kernel.testing;

import io.tenantry.kernel.limits.Budget;
import io.tenantry.kernel.limits.RateLimitDecision;
import io.tenantry.kernel.limits.RateLimitKey;
import io.tenantry.kernel.limits.RateLimiter;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.tenantry.kernel.testing.TwoTenants.MEMBER_A;
import static io.tenantry.kernel.testing.TwoTenants.MEMBER_B;
import static io.tenantry.kernel.testing.TwoTenants.OWNER_A;
import static io.tenantry.kernel.testing.TwoTenants.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every {@link RateLimiter} must do, run against each adapter. Each test starts from a limiter with no
 * history ({@link #freshLimiter()}); budgets use a long window unless the test is about sliding.
 */
public abstract class RateLimiterContract {

    private static final Budget FIVE_PER_MINUTE = Budget.perMinute(5);

    /** A limiter whose store holds no counts yet (a new key space). */
    protected abstract RateLimiter freshLimiter();

    @Test
    void aTenantGetsExactlyItsBudgetThenIsLimited() {
        RateLimiter limiter = freshLimiter();
        for (int i = 0; i < 5; i++) {
            RateLimitDecision decision = acquire(limiter, MEMBER_A, FIVE_PER_MINUTE);
            RateLimitDecision.Allowed allowed = assertInstanceOf(RateLimitDecision.Allowed.class, decision, "request " + i);
            assertEquals(5, allowed.limit());
            assertEquals(4 - i, allowed.remaining());
            assertTrue(allowed.resetAfter().compareTo(Duration.ofMinutes(1)) <= 0);
        }
        RateLimitDecision.Limited limited = assertInstanceOf(RateLimitDecision.Limited.class,
                acquire(limiter, MEMBER_A, FIVE_PER_MINUTE));
        assertEquals(0, limited.remaining());
        assertTrue(limited.retryAfter().isPositive(), limited.toString());
    }

    @Test
    void theBudgetIsPerTenantSharedByItsUsers() {
        RateLimiter limiter = freshLimiter();
        for (int i = 0; i < 3; i++) {
            acquire(limiter, MEMBER_A, FIVE_PER_MINUTE);
            acquire(limiter, OWNER_A, FIVE_PER_MINUTE);
        }
        assertFalse(acquire(limiter, MEMBER_A, FIVE_PER_MINUTE).allowed(), "two users of A share A's budget");
        assertTrue(acquire(limiter, MEMBER_B, FIVE_PER_MINUTE).allowed(), "tenant B is not limited by tenant A");
    }

    @Test
    void concurrentRequestsNeverExceedTheBudget() throws Exception {
        RateLimiter limiter = freshLimiter();
        Budget hundred = Budget.perMinute(100);
        List<Future<Boolean>> attempts = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 300; i++) {
                attempts.add(pool.submit(() -> acquire(limiter, MEMBER_A, hundred).allowed()));
            }
            int allowed = 0;
            for (Future<Boolean> attempt : attempts) {
                allowed += attempt.get() ? 1 : 0;
            }
            assertEquals(100, allowed);
        }
    }

    @Test
    void theWindowSlides() throws InterruptedException {
        RateLimiter limiter = freshLimiter();
        Budget threePerSecond = new Budget(3, Duration.ofSeconds(1));
        for (int i = 0; i < 3; i++) {
            assertTrue(acquire(limiter, MEMBER_A, threePerSecond).allowed());
        }
        RateLimitDecision.Limited limited = assertInstanceOf(RateLimitDecision.Limited.class,
                acquire(limiter, MEMBER_A, threePerSecond));
        assertTrue(limited.retryAfter().compareTo(Duration.ofSeconds(2)) <= 0, limited.toString());
        Thread.sleep(2_100);
        assertTrue(acquire(limiter, MEMBER_A, threePerSecond).allowed(), "two windows later the budget is back");
    }

    protected static RateLimitDecision acquire(RateLimiter limiter, io.tenantry.kernel.context.TenantIdentity who, Budget budget) {
        return as(who, () -> limiter.acquire(RateLimitKey.forCurrentTenant(), budget));
    }
}
