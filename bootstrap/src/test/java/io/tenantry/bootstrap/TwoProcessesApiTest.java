package io.tenantry.bootstrap;

import io.tenantry.adapters.persistence.postgres.TestDatabase;
import io.tenantry.adapters.persistence.redis.TestRedis;
import io.tenantry.adapters.web.auth.DevelopmentTokens;
import io.tenantry.kernel.context.TenantId;
import io.tenantry.kernel.context.Tier;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two service processes, JVMs of their own as deployed, on one database and one Redis: a tenant's budget is one
 * budget across both, decided from leases each process takes from Redis, and never exceeded.
 */
class TwoProcessesApiTest {

    private static final int BUDGET = 600;
    /**
     * One fixed window holds the whole run: across a window's edge the sliding window rightly admits more (the
     * previous window's requests count only for their share of the overlap), so the total would no longer be bounded
     * by one budget.
     */
    private static final Duration WINDOW = Duration.ofHours(1);
    private static final Duration RUN_AT_MOST = Duration.ofMinutes(2);

    @Test
    void twoServiceProcessesNeverAdmitMoreThanOneTenantsBudgetBetweenThem() throws Exception {
        try (TestDatabase database = TestDatabase.migrated(4)) {
            // tenants of this run only: the budgets live in a Redis that other runs share, for an hour
            String run = java.util.HexFormat.of().toHexDigits(java.util.concurrent.ThreadLocalRandom.current().nextInt());
            String busyTenant = "busy-" + run;
            String quietTenant = "quiet-" + run;
            database.execute("INSERT INTO tenants (id, name, tier, status) VALUES ('" + busyTenant + "', 'Busy', 'pro', 'active'),"
                    + " ('" + quietTenant + "', 'Quiet', 'pro', 'active')");
            Path storage = TestFolders.temporary("tenantry-two-processes");
            Map<String, String> environment = ServiceProcess.serving(database.settings(), TestServer.SECRET);
            environment.put("TENANTRY_REDIS_URL", TestRedis.url());
            environment.put("TENANTRY_LIMIT_PRO", String.valueOf(BUDGET));
            environment.put("TENANTRY_LIMIT_WINDOW_SECONDS", String.valueOf(WINDOW.toSeconds()));
            environment.put("TENANTRY_STORAGE_DIR", storage.toString());
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx192m",
                    "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve");
            DevelopmentTokens tokens = new DevelopmentTokens(TestServer.JWT, Clock.systemUTC());
            String busy = tokens.mint(DemoData.member(TenantId.of(busyTenant), Tier.PRO, "ann"), Duration.ofMinutes(10));
            String quiet = tokens.mint(DemoData.member(TenantId.of(quietTenant), Tier.PRO, "bob"), Duration.ofMinutes(10));
            try (ServiceProcess first = ServiceProcess.start("first", command, environment, ServiceProcess.SERVING, "/health", Map.of());
                 ServiceProcess second = ServiceProcess.start("second", command, environment, ServiceProcess.SERVING, "/health", Map.of())) {
                awayFromAWindowEdge();
                Map<Integer, Integer> statuses = new TreeMap<>();
                Map<String, Integer> admittedBy = new TreeMap<>();
                for (int i = 0; i < BUDGET + 100; i++) {
                    ServiceProcess instance = i % 2 == 0 ? first : second;
                    int status = instance.get("/api/orders?limit=1", "-", busy).status();
                    statuses.merge(status, 1, Integer::sum);
                    if (status == 200) {
                        admittedBy.merge(instance.name(), 1, Integer::sum);
                    }
                }
                int admitted = statuses.getOrDefault(200, 0);
                assertEquals(BUDGET + 100, admitted + statuses.getOrDefault(429, 0), "only 200 or 429: " + statuses);
                assertTrue(admitted <= BUDGET, "never more than the budget between the two: " + statuses);
                // each process may hold one unused lease of at most 1 % of the budget
                assertTrue(admitted >= BUDGET - 2 * (BUDGET / 100), "and nearly all of it: " + statuses);
                assertTrue(admittedBy.getOrDefault("first", 0) > 0 && admittedBy.getOrDefault("second", 0) > 0,
                        "both processes admitted: " + admittedBy);
                assertEquals(200, first.get("/api/orders?limit=1", "-", quiet).status(), "another tenant has its own budget");
                assertEquals(200, second.get("/api/orders?limit=1", "-", quiet).status());
                System.out.printf("two service processes, budget %d: %s, admitted by %s%n", BUDGET, statuses, admittedBy);
            }
        }
    }

    /** Waits past the next edge of the fixed windows (Redis counts them on this machine's clock) if it is near. */
    private static void awayFromAWindowEdge() throws InterruptedException {
        long window = WINDOW.toMillis();
        long untilEdge = window - System.currentTimeMillis() % window;
        if (untilEdge < RUN_AT_MOST.toMillis()) {
            Thread.sleep(untilEdge + 1_000);
        }
    }
}
