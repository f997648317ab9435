package io.tenantry.adapters.persistence.redis;

import io.tenantry.kernel.limits.Budget;
import io.tenantry.kernel.limits.RateLimiter;
import io.tenantry.kernel.testing.RateLimiterContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

import static io.tenantry.kernel.testing.TwoTenants.MEMBER_A;
import static io.tenantry.kernel.testing.TwoTenants.MEMBER_B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rate-limiter contract on a real Redis, plus what only a shared store can do: one budget for many instances. */
class RedisRateLimiterTest extends RateLimiterContract {

    private static final RedissonClient FIRST = TestRedis.client();
    private static final RedissonClient SECOND = TestRedis.client();

    @AfterAll
    static void disconnect() {
        FIRST.shutdown();
        SECOND.shutdown();
    }

    @Override
    protected RateLimiter freshLimiter() {
        return new RedisRateLimiter(FIRST, TestRedis.uniquePrefix());
    }

    @Test
    void aServerThatForgotTheScriptGetsItAgain() {
        RateLimiter limiter = freshLimiter();
        Budget budget = Budget.perMinute(5);
        assertTrue(acquire(limiter, MEMBER_A, budget).allowed());
        FIRST.getScript().scriptFlush();
        assertTrue(acquire(limiter, MEMBER_A, budget).allowed());
        assertEquals(2, acquire(limiter, MEMBER_A, budget).remaining(), "the count survived: 2 of 5 left after 3");
    }

    @Test
    void twoInstancesShareOneBudgetPerTenant() {
        String prefix = TestRedis.uniquePrefix();
        RateLimiter instanceOne = new RedisRateLimiter(FIRST, prefix);
        RateLimiter instanceTwo = new RedisRateLimiter(SECOND, prefix);
        Budget six = Budget.perMinute(6);
        int allowed = 0;
        for (int i = 0; i < 5; i++) {
            allowed += acquire(instanceOne, MEMBER_A, six).allowed() ? 1 : 0;
            allowed += acquire(instanceTwo, MEMBER_A, six).allowed() ? 1 : 0;
        }
        assertEquals(6, allowed, "ten requests through two instances, one budget of six");
        assertFalse(acquire(instanceTwo, MEMBER_A, six).allowed());
        assertTrue(acquire(instanceOne, MEMBER_B, six).allowed(), "positive control: tenant B has its own budget");
    }
}
