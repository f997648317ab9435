package io.tenantry.adapters.persistence.bench;

import io.tenantry.adapters.persistence.memory.InMemoryRateLimiter;
import io.tenantry.adapters.persistence.redis.LeasedRateLimiter;
import io.tenantry.adapters.persistence.redis.RedisRateLimiter;
import io.tenantry.adapters.persistence.redis.TestRedis;
import io.tenantry.kernel.context.TenantContext;
import io.tenantry.kernel.context.TenantId;
import io.tenantry.kernel.context.TenantIdentity;
import io.tenantry.kernel.context.Tier;
import io.tenantry.kernel.limits.Budget;
import io.tenantry.kernel.limits.RateLimitKey;
import io.tenantry.kernel.limits.RateLimiter;
import io.tenantry.kernel.testing.TwoTenants;
import org.redisson.api.RedissonClient;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Rate-limit decisions per second, side by side in one run: the in-process limiter, the Redis limiter with one Lua
 * script per decision, and the leased Redis limiter (the product's), from one thread on one tenant and from 16
 * virtual threads on one tenant and on 1 000 tenants, with the Redis round trips per decision. The budget is too
 * large to refuse, so every decision is an admission. Run through bench/rate-limit.sh.
 */
public final class RateLimiterBenchmark {

    private static final int MANY_TENANTS = 1_000;

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        RedissonClient redis = TestRedis.client();
        try {
            List<RateLimitKey> oneTenant = List.of(TenantContext.call(TwoTenants.MEMBER_A, RateLimitKey::forCurrentTenant));
            List<RateLimitKey> manyTenants = new ArrayList<>();
            for (int i = 0; i < MANY_TENANTS; i++) {
                TenantIdentity member = new TenantIdentity(TenantId.of("bench-" + i), Tier.ENTERPRISE, "bench",
                        Set.of(TenantIdentity.MEMBER));
                manyTenants.add(TenantContext.call(member, RateLimitKey::forCurrentTenant));
            }
            Map<String, Supplier<RateLimiter>> limiters = new LinkedHashMap<>();
            limiters.put("in-process (one instance only)", () -> new InMemoryRateLimiter(Clock.systemUTC()));
            limiters.put("Redis, one Lua script per decision", () -> new RedisRateLimiter(redis, TestRedis.uniquePrefix()));
            limiters.put("Redis, leased budgets (the product's)",
                    () -> new LeasedRateLimiter(new RedisRateLimiter(redis, TestRedis.uniquePrefix())));
            Budget unlimited = Budget.perMinute(Long.MAX_VALUE / 4);
            System.out.printf("%n%-38s %14s %14s %14s %16s%n", "limiter", "1 thread", "16 threads", "16 threads",
                    "round trips per");
            System.out.printf("%-38s %14s %14s %14s %16s%n", "(decisions per second)", "1 tenant", "1 tenant",
                    MANY_TENANTS + " tenants", "decision (leased)");
            for (var limiter : limiters.entrySet()) {
                run(limiter.getValue().get(), unlimited, oneTenant, 1, 1);
                double one = run(limiter.getValue().get(), unlimited, oneTenant, 1, seconds);
                double many = run(limiter.getValue().get(), unlimited, oneTenant, 16, seconds);
                RateLimiter spread = limiter.getValue().get();
                double tenants = run(spread, unlimited, manyTenants, 16, seconds);
                String trips = spread instanceof LeasedRateLimiter leased
                        ? "%.4f".formatted((double) leased.roundTrips() / leased.decisions()) : "";
                System.out.printf("%-38s %14.0f %14.0f %14.0f %16s%n", limiter.getKey(), one, many, tenants, trips);
            }
        } finally {
            redis.shutdown();
        }
    }

    private static double run(RateLimiter limiter, Budget budget, List<RateLimitKey> keys, int threads, int seconds)
            throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<Future<Long>> workers = new ArrayList<>();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < threads; t++) {
                int offset = t;
                workers.add(pool.submit(() -> {
                    long decisions = 0;
                    while (System.nanoTime() < deadline) {
                        limiter.acquire(keys.get((int) ((decisions * 16 + offset) % keys.size())), budget);
                        decisions++;
                    }
                    return decisions;
                }));
            }
            long total = 0;
            for (Future<Long> worker : workers) {
                total += worker.get();
            }
            return total * 1e9 / (System.nanoTime() - start);
        }
    }

    private RateLimiterBenchmark() {
    }
}
