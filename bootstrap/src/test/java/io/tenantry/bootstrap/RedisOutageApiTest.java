package io.tenantry.bootstrap;

import io.tenantry.adapters.persistence.postgres.TestDatabase;
import io.tenantry.adapters.persistence.redis.TestRedis;
import io.tenantry.bootstrap.TestServer.TestTenant;
import io.tenantry.kernel.context.Tier;
import io.tenantry.kernel.limits.Budget;
import io.tenantry.kernel.limits.TierLimits;
import io.tenantry.kernel.testing.Eventually;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Redis of the shared budgets and cache is a {@code redis-server} process this test owns, stopped for four
 * seconds under load and started again: in the default {@code fail-open-local} mode no request fails because of it,
 * the limits still hold on the instance, and {@code /health} says DEGRADED without turning not-ready.
 */
class RedisOutageApiTest {

    /** One answer as the client saw it. */
    private record Exchange(int status, long millis, long at) {
    }

    @Test
    void stoppingRedisUnderLoadFailsNoRequestAndLimitsStillHold() throws Exception {
        TestRedis.OwnRedis redis = TestRedis.startOwn();
        // overall budgets only: the busy tenants' writes must never meet the budget of placing orders
        TierLimits limits = new TierLimits(TierLimits.defaults().budgets()).with(Tier.FREE, Budget.perMinute(5))
                .with(Tier.PRO, Budget.perMinute(1_000_000)).with(Tier.ENTERPRISE, Budget.perMinute(1_000_000));
        try (TestDatabase database = TestDatabase.create(8)) {
            TestServer server = TestServer.start(database, Duration.ofSeconds(30), Optional.of(redis.url()), limits);
            try {
                List<TestTenant> busy = List.of(server.newTenant(Tier.PRO), server.newTenant(Tier.ENTERPRISE));
                TestTenant small = server.newTenant(Tier.FREE);
                ConcurrentLinkedQueue<Exchange> exchanges = new ConcurrentLinkedQueue<>();
                long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                List<Thread> clients = new ArrayList<>();
                for (TestTenant tenant : busy) {
                    String token = tenant.member();
                    clients.add(Thread.ofVirtual().start(() -> {
                        while (System.nanoTime() < end) {
                            long start = System.nanoTime();
                            int status = (exchanges.size() % 3 == 0
                                    ? server.api.post("/api/orders", token, Json.order("of " + tenant.id()))
                                    : server.api.get("/api/orders?limit=10", token)).status();
                            exchanges.add(new Exchange(status, (System.nanoTime() - start) / 1_000_000, start));
                        }
                    }));
                }
                Thread.sleep(3_000);
                long stoppedAt = System.nanoTime();
                redis.stop();
                Eventually.until("/health says DEGRADED", Duration.ofSeconds(5),
                        () -> Json.parse(server.api.get("/health", null).body()).get("status").asText().equals("DEGRADED"));
                Api.Response degraded = server.api.get("/health", null);
                assertEquals(200, degraded.status(), "Redis down leaves the service ready");
                assertEquals("DOWN", Json.parse(degraded.body()).get("checks").get("redis").asText());
                Map<Integer, Long> smallTenant = new java.util.TreeMap<>();
                for (int i = 0; i < 8; i++) {
                    smallTenant.merge(server.api.get("/api/orders", small.member()).status(), 1L, Long::sum);
                }
                assertEquals(Map.of(200, 5L, 429, 3L), smallTenant, "the free tier's 5 a minute still hold on the instance");
                Thread.sleep(3_000);
                long restartedAt = System.nanoTime();
                redis.start();
                Eventually.until("/health says UP", Duration.ofSeconds(5),
                        () -> Json.parse(server.api.get("/health", null).body()).get("status").asText().equals("UP"));
                for (Thread client : clients) {
                    client.join();
                }
                List<Exchange> all = List.copyOf(exchanges);
                assertTrue(all.size() > 100, "load went on: " + all.size());
                assertEquals(Map.of(), all.stream().filter(e -> e.status() >= 300)
                        .collect(Collectors.groupingBy(Exchange::status, Collectors.counting())), "no request failed because of Redis");
                List<Exchange> duringOutage = all.stream().filter(e -> e.at() >= stoppedAt && e.at() <= restartedAt).toList();
                long slowestDuringOutage = duringOutage.stream().mapToLong(Exchange::millis).max().orElseThrow();
                assertTrue(duringOutage.size() > 50, "load went on during the outage: " + duringOutage.size());
                assertTrue(slowestDuringOutage < 300, "no request waited on the stopped Redis: " + slowestDuringOutage + " ms");
                System.out.printf("redis outage: %d exchanges, %d while Redis was stopped, none failed; slowest then %d ms%n",
                        all.size(), duringOutage.size(), slowestDuringOutage);
            } finally {
                server.tenantry.close();
            }
        } finally {
            redis.stop();
        }
    }

    @Test
    void theServiceStartsAndServesWhileRedisIsDownAndJoinsItWhenItComesUp() throws Exception {
        TestRedis.OwnRedis redis = TestRedis.startOwn();
        redis.stop();
        try (TestDatabase database = TestDatabase.create(4)) {
            TestServer server = TestServer.start(database, Duration.ofSeconds(30), Optional.of(redis.url()),
                    TierLimits.defaults());
            try {
                TestTenant tenant = server.newTenant(Tier.PRO);
                Eventually.until("/health says DEGRADED", Duration.ofSeconds(5),
                        () -> Json.parse(server.api.get("/health", null).body()).get("status").asText().equals("DEGRADED"));
                assertEquals(200, server.api.get("/api/orders", tenant.member()).status(), "served on local budgets");
                redis.start();
                Eventually.until("/health says UP", Duration.ofSeconds(5),
                        () -> Json.parse(server.api.get("/health", null).body()).get("status").asText().equals("UP"));
                Api.Response served = server.api.get("/api/orders", tenant.member());
                assertEquals(200, served.status());
                assertTrue(served.header("RateLimit-Policy").isPresent(), "limited as before: " + served);
            } finally {
                server.tenantry.close();
            }
        } finally {
            redis.stop();
        }
    }
}
