package io.tenantry.adapters.persistence.redis;

import io.tenantry.kernel.context.TenantContext;
import io.tenantry.kernel.limits.Budget;
import io.tenantry.kernel.limits.RateLimitKey;
import io.tenantry.kernel.limits.RateLimiter;
import io.tenantry.kernel.testing.RateLimiterContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.redisson.api.RedissonClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import static io.tenantry.kernel.testing.TwoTenants.MEMBER_A;
import static io.tenantry.kernel.testing.TwoTenants.MEMBER_B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The leased limiter on a real Redis: the rate-limiter contract (its budgets are small, so leases of one permit,
 * exactly as one script per decision), and what leases must keep: instances with separate Redis clients never admit
 * more than the budget in a window between them, a busy tenant costs few round trips, and a tenant over its budget
 * none per refused request.
 */
class LeasedRateLimiterTest extends RateLimiterContract {

    private static final RedissonClient CLIENT = TestRedis.client();

    @AfterAll
    static void disconnect() {
        CLIENT.shutdown();
    }

    @Override
    protected RateLimiter freshLimiter() {
        return new LeasedRateLimiter(new RedisRateLimiter(CLIENT, TestRedis.uniquePrefix()));
    }

    @ParameterizedTest(name = "{0} instances")
    @ValueSource(ints = {2, 4})
    void instancesWithTheirOwnClientsNeverAdmitMoreThanTheBudgetInAWindow(int instances) throws Exception {
        String prefix = TestRedis.uniquePrefix();
        Budget budget = new Budget(3_000, Duration.ofSeconds(1));
        Map<Long, LongAdder> admittedPerWindow = new ConcurrentHashMap<>();
        List<RedissonClient> clients = new ArrayList<>();
        List<LeasedRateLimiter> limiters = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            RedissonClient client = TestRedis.client();
            clients.add(client);
            limiters.add(new LeasedRateLimiter(new RedisRateLimiter(client, prefix), System::nanoTime,
                    (key, index) -> admittedPerWindow.computeIfAbsent(index, w -> new LongAdder()).increment()));
        }
        try {
            long end = System.nanoTime() + Duration.ofMillis(4_500).toNanos();
            List<Thread> clientsThreads = new ArrayList<>();
            for (LeasedRateLimiter limiter : limiters) {
                for (int t = 0; t < 4; t++) {
                    clientsThreads.add(Thread.ofVirtual().start(() -> TenantContext.run(MEMBER_A, () -> {
                        while (System.nanoTime() < end) {
                            limiter.acquire(RateLimitKey.forCurrentTenant(), budget);
                        }
                    })));
                }
            }
            for (Thread thread : clientsThreads) {
                thread.join();
            }
        } finally {
            clients.forEach(RedissonClient::shutdown);
        }
        Map<Long, Long> perWindow = new TreeMap<>();
        admittedPerWindow.forEach((index, count) -> perWindow.put(index, count.sum()));
        assertTrue(perWindow.size() >= 4, "the load spanned several windows: " + perWindow);
        perWindow.forEach((index, count) -> assertTrue(count <= budget.permits(),
                "window " + index + " admitted " + count + " of " + budget.permits() + ": " + perWindow));
        List<Long> fullWindows = List.copyOf(perWindow.values()).subList(1, perWindow.size() - 1);
        long fewest = fullWindows.stream().mapToLong(Long::longValue).min().orElseThrow();
        long decisions = limiters.stream().mapToLong(LeasedRateLimiter::decisions).sum();
        long roundTrips = limiters.stream().mapToLong(LeasedRateLimiter::roundTrips).sum();
        System.out.printf("leased limiter, %d instances, budget %d/s: admitted per window %s; fewest in a full window %d"
                        + " (%.1f %% under); %d decisions, %.4f round trips per decision%n", instances, budget.permits(),
                perWindow.values(), fewest, 100.0 * (budget.permits() - fewest) / budget.permits(), decisions,
                (double) roundTrips / decisions);
        assertTrue(fewest >= budget.permits() * 0.9, "a saturated window admits nearly its whole budget: " + perWindow);
    }

    @Test
    void aBusyTenantGoesToRedisAboutOnceInAThousandDecisions() throws Exception {
        LeasedRateLimiter limiter = (LeasedRateLimiter) freshLimiter();
        Budget enterprise = Budget.perMinute(100_000);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            threads.add(Thread.ofVirtual().start(() -> TenantContext.run(MEMBER_A, () -> {
                for (int i = 0; i < 1_250; i++) {
                    assertTrue(limiter.acquire(RateLimitKey.forCurrentTenant(), enterprise).allowed());
                }
            })));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(20_000, limiter.decisions());
        double perDecision = (double) limiter.roundTrips() / limiter.decisions();
        assertTrue(perDecision <= 0.05, "round trips per decision: " + perDecision);
        assertTrue(limiter.roundTrips() >= 20, "positive control: leases are at most 1 % of the budget, so at least 20: "
                + limiter.roundTrips());
    }

    @Test
    void aTenantOverItsBudgetCostsNoRoundTripPerRefusal() {
        LeasedRateLimiter limiter = (LeasedRateLimiter) freshLimiter();
        Budget five = Budget.perMinute(5);
        for (int i = 0; i < 5; i++) {
            assertTrue(acquire(limiter, MEMBER_A, five).allowed());
        }
        assertEquals(5, limiter.roundTrips(), "a budget this small is decided one script per request");
        for (int i = 0; i < 100; i++) {
            assertFalse(acquire(limiter, MEMBER_A, five).allowed());
        }
        assertEquals(6, limiter.roundTrips(), "one script learnt the budget was spent; the other 99 refusals were local");
        assertTrue(acquire(limiter, MEMBER_B, five).allowed(), "positive control: tenant B is not refused");
    }

    @Test
    void leasedPermitsAreCountedInRedisSoAnExactInstanceSeesThem() {
        String prefix = TestRedis.uniquePrefix();
        LeasedRateLimiter leased = new LeasedRateLimiter(new RedisRateLimiter(CLIENT, prefix));
        RedisRateLimiter exact = new RedisRateLimiter(CLIENT, prefix);
        Budget budget = Budget.perMinute(10_000);
        for (int i = 0; i < 50; i++) {
            assertTrue(acquire(leased, MEMBER_A, budget).allowed());
        }
        long remaining = acquire(exact, MEMBER_A, budget).remaining();
        assertTrue(remaining <= 10_000 - 51, "the leased instance's permits (used or held) count for everyone: " + remaining);
        assertTrue(remaining >= 10_000 - 51 - 100, "and it holds at most 1 % of the budget unused: " + remaining);
    }

    @Test
    void anOperationsBudgetIsCountedApartUnderTheTenantsHashTag() {
        String prefix = TestRedis.uniquePrefix();
        LeasedRateLimiter limiter = new LeasedRateLimiter(new RedisRateLimiter(CLIENT, prefix));
        Budget two = Budget.perMinute(2);
        for (int i = 0; i < 2; i++) {
            assertTrue(placeOrder(limiter, two).allowed());
        }
        assertFalse(placeOrder(limiter, two).allowed());
        assertTrue(acquire(limiter, MEMBER_A, two).allowed(), "the overall bucket is another one");
        java.util.Set<String> keys = new java.util.TreeSet<>();
        CLIENT.getKeys().getKeysByPattern(prefix + "*").forEach(keys::add);
        assertEquals(java.util.Set.of(prefix + "{tenant:tenant-a}:60000", prefix + "{tenant:tenant-a}:orders.place:60000"),
                keys, "one tenant's keys share its hash tag, so they share a Redis Cluster slot");
    }

    private static io.tenantry.kernel.limits.RateLimitDecision placeOrder(RateLimiter limiter, Budget budget) {
        return TenantContext.call(MEMBER_A, () -> limiter.acquire(RateLimitKey.forCurrentTenantOperation("orders.place"), budget));
    }
}
