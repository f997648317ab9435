package io.tenantry.bootstrap;

import io.tenantry.adapters.persistence.postgres.TestDatabase;
import io.tenantry.adapters.persistence.redis.TestRedis;
import io.tenantry.bootstrap.Api.Response;
import io.tenantry.bootstrap.TestServer.TestTenant;
import io.tenantry.kernel.context.Tier;
import io.tenantry.kernel.limits.Budget;
import io.tenantry.kernel.limits.TierLimits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances of the service on one database and one real Redis: tier budgets (headers on every tenant response,
 * 429 with Retry-After, one budget per tenant shared by both instances) and the shared tenant cache.
 */
class TwoInstancesApiTest {

    private static TestDatabase database;
    private static TestServer first;
    private static TestServer second;

    @BeforeAll
    static void twoInstancesOnOneDatabaseAndOneRedis() {
        database = TestDatabase.create(4);
        TierLimits tight = TierLimits.defaults().with(Tier.FREE, Budget.perMinute(4)).with(Tier.PRO, Budget.perMinute(50))
                .with(TierLimits.PLACE_ORDER, Tier.PRO, Budget.perMinute(3));
        Optional<String> redis = Optional.of(TestRedis.url());
        first = TestServer.start(database, Duration.ofSeconds(2), redis, tight);
        second = new TestServer(database, Tenantry.start(first.config()));
    }

    @AfterAll
    static void stop() {
        second.tenantry.close();
        first.tenantry.close();
        database.close();
    }

    @Test
    void everyTenantResponseCarriesTheBudgetHeaders() {
        TestTenant pro = first.newTenant(Tier.PRO);
        Response response = first.api.get("/api/orders", pro.member());
        assertEquals(200, response.status());
        assertEquals("\"pro\";q=50;w=60", response.header("RateLimit-Policy").orElseThrow());
        assertTrue(response.header("RateLimit").orElseThrow().matches("\"pro\";r=49;t=\\d+"), response.header("RateLimit").get());
        Response error = first.api.get("/api/orders/nope", pro.member());
        assertEquals(404, error.status());
        assertTrue(error.header("RateLimit").orElseThrow().startsWith("\"pro\";r=48;"), "errors carry the headers too");
    }

    @Test
    void aTenantOverItsBudgetGets429WithRetryAfterAndOthersDoNot() {
        TestTenant free = first.newTenant(Tier.FREE);
        TestTenant neighbour = first.newTenant(Tier.FREE);
        for (int i = 0; i < 4; i++) {
            assertEquals(200, first.api.get("/api/orders", free.member()).status(), "request " + i);
        }
        Response limited = first.api.get("/api/orders", free.member()).assertProblem(429);
        assertTrue(Integer.parseInt(limited.header("Retry-After").orElseThrow()) >= 1);
        assertTrue(limited.header("RateLimit").orElseThrow().startsWith("\"free\";r=0;"));
        assertEquals(200, first.api.get("/api/orders", neighbour.member()).status(), "another tenant keeps its budget");
        assertTrue(first.api.get("/metrics", null).body().lines().anyMatch(line -> line.contains("status=\"429\"")
                && line.contains("tier=\"free\"")), "429s are counted by tier");
    }

    @Test
    void placingOrdersHasABudgetOfItsOwnSharedByBothInstances() {
        TestTenant pro = first.newTenant(Tier.PRO);
        TestTenant neighbour = first.newTenant(Tier.PRO);
        for (TestServer instance : java.util.List.of(first, second, first)) {
            Response placed = instance.api.post("/api/orders", pro.member(), Json.order("Ada"));
            assertEquals(201, placed.status(), placed.body());
            assertEquals("\"pro\";q=50;w=60, \"pro.orders.place\";q=3;w=60", placed.header("RateLimit-Policy").orElseThrow());
        }
        Response limited = second.api.post("/api/orders", pro.member(), Json.order("Ada")).assertProblem(429);
        assertTrue(limited.body().contains("orders.place"), limited.body());
        assertTrue(limited.header("RateLimit").orElseThrow().startsWith("\"pro.orders.place\";r=0;"),
                limited.header("RateLimit").get());
        assertTrue(Integer.parseInt(limited.header("Retry-After").orElseThrow()) >= 1);
        Response read = first.api.get("/api/orders", pro.member());
        assertEquals(200, read.status(), "reads count only against the overall budget, which has room");
        assertEquals("\"pro\";q=50;w=60", read.header("RateLimit-Policy").orElseThrow());
        assertEquals(201, first.api.post("/api/orders", neighbour.member(), Json.order("Bob")).status(),
                "another tenant's orders have their own budget");
        io.tenantry.kernel.testing.Eventually.until("/metrics counts the refusal by tier and budget", Duration.ofSeconds(5),
                () -> second.api.get("/metrics", null).body().lines().anyMatch(line -> line.startsWith(
                        "tenantry_rate_limit_decisions_total{budget=\"orders.place\",outcome=\"limited\",tier=\"pro\"}")));
        String metrics = second.api.get("/metrics", null).body();
        assertTrue(metrics.lines().anyMatch(line -> line.startsWith(
                "tenantry_rate_limit_decisions_total{budget=\"overall\",outcome=\"allowed\",tier=\"pro\"}")), metrics);
        assertTrue(metrics.lines().anyMatch(line -> line.startsWith("tenantry_rate_limit_redis_seconds_count ")), metrics);
        assertTrue(metrics.lines().anyMatch(line -> line.startsWith("tenantry_rate_limit_redis_round_trips_total ")), metrics);
        assertTrue(metrics.lines().filter(line -> line.startsWith("tenantry_rate_limit"))
                .noneMatch(line -> line.contains(pro.id().value())), "no tenant id in the labels");
    }

    @Test
    void aUserChangedThroughOneInstanceIsNotServedStaleByTheOther() {
        TestTenant pro = first.newTenant(Tier.PRO);
        String id = Json.parse(first.api.post("/api/users", pro.member(), "{\"email\":\"ann@example.com\",\"name\":\"Ann\"}")
                .body()).get("id").asText();
        assertEquals("Ann", Json.parse(first.api.get("/api/users/" + id, pro.member()).body()).get("name").asText());
        assertEquals(200, second.api.patch("/api/users/" + id, pro.member(), "{\"name\":\"Annie\"}").status());
        assertEquals("Annie", Json.parse(first.api.get("/api/users/" + id, pro.member()).body()).get("name").asText(),
                "the shared cache entry was dropped by the other instance");
    }

    @Test
    void healthReportsRedisBesideTheDatabase() {
        var health = Json.parse(first.api.get("/health", null).body());
        assertEquals("UP", health.get("checks").get("redis").asText());
        assertEquals("UP", health.get("checks").get("database").asText());
    }

    @Test
    void twoInstancesShareOneBudgetPerTenant() {
        TestTenant free = first.newTenant(Tier.FREE);
        int ok = 0;
        for (int i = 0; i < 3; i++) {
            ok += first.api.get("/api/orders", free.member()).status() == 200 ? 1 : 0;
            ok += second.api.get("/api/orders", free.member()).status() == 200 ? 1 : 0;
        }
        assertEquals(4, ok, "six requests through two instances, one budget of four");
        second.api.get("/api/orders", free.member()).assertProblem(429);
    }
}
