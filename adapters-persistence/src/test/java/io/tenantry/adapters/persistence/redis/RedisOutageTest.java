package io.tenantry.adapters.persistence.redis;

import io.tenantry.adapters.persistence.faults.TcpRelay;
import io.tenantry.application.health.DependencyUnavailable;
import io.tenantry.kernel.cache.CacheKey;
import io.tenantry.kernel.limits.Budget;
import io.tenantry.kernel.limits.RateLimitDecision;
import io.tenantry.kernel.limits.RateLimitKey;
import io.tenantry.kernel.limits.RateLimiter;
import io.tenantry.kernel.testing.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import static io.tenantry.kernel.testing.TwoTenants.MEMBER_A;
import static io.tenantry.kernel.testing.TwoTenants.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Redis becomes unreachable, for real (a TCP relay this test owns is cut, so the data survives for the recovery),
 * and neither the limiter nor the cache fails a request because of it.
 */
class RedisOutageTest {

    private static final Budget TEN_A_MINUTE = Budget.perMinute(10);

    private TcpRelay relay;
    private String prefix;

    /** A cache value. */
    record Profile(String name) {
    }

    @BeforeEach
    void relayInFrontOfRedis() {
        URI redis = URI.create(TestRedis.url());
        relay = TcpRelay.to(redis.getHost(), redis.getPort());
        prefix = TestRedis.uniquePrefix();
    }

    @AfterEach
    void closeRelay() {
        relay.close();
    }

    private RedisAdapters adapters(RedisSettings.OutageMode mode, int instances) {
        return RedisAdapters.connect(new RedisSettings("redis://127.0.0.1:" + relay.port(), Duration.ofMillis(50), mode,
                instances), prefix, Clock.systemUTC());
    }

    @Test
    void failOpenLocalKeepsDecidingWithItsShareAndRejoinsTheSharedBudgetWithoutABurst() {
        try (RedisAdapters redis = adapters(RedisSettings.OutageMode.FAIL_OPEN_LOCAL, 2)) {
            RateLimiter limiter = redis.rateLimiter();
            RateLimitKey key = as(MEMBER_A, RateLimitKey::forCurrentTenant);
            assertTrue(limiter.acquire(key, TEN_A_MINUTE).allowed());
            assertTrue(limiter.acquire(key, TEN_A_MINUTE).allowed());

            relay.cut();
            int admitted = 0;
            for (int i = 0; i < 20; i++) {
                long start = System.nanoTime();
                RateLimitDecision decision = limiter.acquire(key, TEN_A_MINUTE);
                assertTrue((System.nanoTime() - start) / 1_000_000 < 500, "a decision never waits on a Redis that is down");
                admitted += decision.allowed() ? 1 : 0;
            }
            assertEquals(5, admitted, "alone, this instance enforces its share: 10 / 2 instances");
            Eventually.until("Redis is seen down", Duration.ofSeconds(10), redis::degraded);
            assertFalse(redis.healthCheck().up());
            assertFalse(redis.healthCheck().critical(), "failing open, Redis down leaves the service ready");

            relay.restore();
            Eventually.until("Redis is seen back", Duration.ofSeconds(10), () -> !redis.degraded());
            int afterwards = 0;
            for (int i = 0; i < 10; i++) {
                afterwards += limiter.acquire(key, TEN_A_MINUTE).allowed() ? 1 : 0;
            }
            assertEquals(3, afterwards, "the shared window counts the 2 shared and 5 local admissions: 10 - 7 left");
        }
    }

    @Test
    void failClosedRefusesAtOnceWhileRedisIsDown() {
        try (RedisAdapters redis = adapters(RedisSettings.OutageMode.FAIL_CLOSED, 1)) {
            RateLimitKey key = as(MEMBER_A, RateLimitKey::forCurrentTenant);
            assertTrue(redis.rateLimiter().acquire(key, TEN_A_MINUTE).allowed(), "positive control");
            relay.cut();
            assertThrows(DependencyUnavailable.class, () -> redis.rateLimiter().acquire(key, TEN_A_MINUTE));
            Eventually.until("Redis is seen down", Duration.ofSeconds(10), redis::degraded);
            long start = System.nanoTime();
            assertThrows(DependencyUnavailable.class, () -> redis.rateLimiter().acquire(key, TEN_A_MINUTE));
            assertTrue((System.nanoTime() - start) / 1_000_000 < 250, "known down: refused at once, not after a timeout");
            assertTrue(redis.healthCheck().critical());
            relay.restore();
            Eventually.until("Redis is seen back", Duration.ofSeconds(10), () -> !redis.degraded());
            assertTrue(redis.rateLimiter().acquire(key, TEN_A_MINUTE).allowed());
        }
    }

    @Test
    void theCacheMissesWhileRedisIsDownAndAnInvalidationMadeMeanwhileIsNotLost() {
        try (RedisAdapters redis = adapters(RedisSettings.OutageMode.FAIL_OPEN_LOCAL, 1)) {
            CacheKey changed = as(MEMBER_A, () -> CacheKey.of("profile", "changed"));
            CacheKey untouched = as(MEMBER_A, () -> CacheKey.of("profile", "untouched"));
            as(MEMBER_A, () -> {
                redis.tenantCache().put(changed, new Profile("before"), Duration.ofMinutes(5), Set.of());
                redis.tenantCache().put(untouched, new Profile("kept"), Duration.ofMinutes(5), Set.of());
            });
            relay.cut();
            assertEquals(Optional.empty(), as(MEMBER_A, () -> redis.tenantCache().get(changed, Profile.class)),
                    "a miss, never an error");
            as(MEMBER_A, () -> redis.tenantCache().invalidate(changed));
            Eventually.until("Redis is seen down", Duration.ofSeconds(10), redis::degraded);
            as(MEMBER_A, () -> redis.tenantCache().put(changed, new Profile("during"), Duration.ofMinutes(5), Set.of()));

            relay.restore();
            Eventually.until("Redis is seen back", Duration.ofSeconds(10), () -> !redis.degraded());
            assertEquals(Optional.empty(), as(MEMBER_A, () -> redis.tenantCache().get(changed, Profile.class)),
                    "the invalidation made during the outage reached Redis before callers did");
            assertEquals(Optional.of(new Profile("kept")), as(MEMBER_A, () -> redis.tenantCache().get(untouched, Profile.class)),
                    "positive control: the data outlived the outage");
        }
    }

    @Test
    void aCallerThatFindsTheClientStillConnectingToADeadRedisGetsDependencyUnavailable() throws Exception {
        int dead;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            dead = free.getLocalPort();
        }
        for (int round = 0; round < 20; round++) {
            org.redisson.api.RedissonClient client = RedisConnection.connect("redis://127.0.0.1:" + dead, Duration.ofMillis(50));
            try {
                // the client connects on first use: a probe starts connecting while a request arrives
                Thread probe = Thread.ofVirtual().start(() -> {
                    try {
                        client.getRedisNodes(org.redisson.api.redisnode.RedisNodes.SINGLE).pingAll(200,
                                java.util.concurrent.TimeUnit.MILLISECONDS);
                    } catch (RuntimeException expected) {
                        // the probe's own failure is its caller's business
                    }
                });
                RateLimiter limiter = new LeasedRateLimiter(new RedisRateLimiter(client, "dead:"));
                RedisTenantCache cache = new RedisTenantCache(client, "dead:");
                assertThrows(DependencyUnavailable.class, () -> as(MEMBER_A,
                        () -> limiter.acquire(RateLimitKey.forCurrentTenant(), Budget.perMinute(1_000))), "round " + round);
                assertThrows(DependencyUnavailable.class, () -> as(MEMBER_A,
                        () -> cache.get(CacheKey.of("users", "k"), String.class)), "round " + round);
                probe.join();
            } finally {
                client.shutdown();
            }
        }
    }
}
