package io.tenantry.adapters.persistence.bench;

import io.tenantry.adapters.persistence.memory.InMemoryRateLimiter;
import io.tenantry.adapters.persistence.redis.RedisRateLimiter;
import io.tenantry.adapters.persistence.redis.TestRedis;
import io.tenantry.kernel.context.TenantContext;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Rate-limit decisions per second, side by side in one run: the in-process limiter and the Redis limiter (one Lua
 * script per decision), from one thread and from 16 virtual threads. Run through bench/rate-limit.sh.
 */
public final class RateLimiterBenchmark {

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        RedissonClient redis = TestRedis.client();
        try {
            Map<String, RateLimiter> limiters = new LinkedHashMap<>();
            limiters.put("in-process (one instance only)", new InMemoryRateLimiter(Clock.systemUTC()));
            limiters.put("Redis, one Lua script per decision", new RedisRateLimiter(redis, TestRedis.uniquePrefix()));
            Budget unlimited = Budget.perMinute(Long.MAX_VALUE / 4);
            System.out.printf("%n%-40s %16s %16s%n", "limiter", "1 thread dec/s", "16 threads dec/s");
            for (var limiter : limiters.entrySet()) {
                run(limiter.getValue(), unlimited, 1, 1);
                double one = run(limiter.getValue(), unlimited, 1, seconds);
                double many = run(limiter.getValue(), unlimited, 16, seconds);
                System.out.printf("%-40s %16.0f %16.0f%n", limiter.getKey(), one, many);
            }
        } finally {
            redis.shutdown();
        }
    }

    private static double run(RateLimiter limiter, Budget budget, int threads, int seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<Future<Long>> workers = new ArrayList<>();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> TenantContext.call(TwoTenants.MEMBER_A, () -> {
                    long decisions = 0;
                    RateLimitKey key = RateLimitKey.forCurrentTenant();
                    while (System.nanoTime() < deadline) {
                        limiter.acquire(key, budget);
                        decisions++;
                    }
                    return decisions;
                })));
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
