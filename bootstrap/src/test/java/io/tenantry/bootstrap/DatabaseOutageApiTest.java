package io.tenantry.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantry.adapters.persistence.faults.TcpRelay;
import io.tenantry.adapters.persistence.postgres.PostgresSettings;
import io.tenantry.adapters.persistence.postgres.TestDatabase;
import io.tenantry.bootstrap.TestServer.TestTenant;
import io.tenantry.kernel.context.Tier;
import io.tenantry.kernel.limits.Budget;
import io.tenantry.kernel.limits.TierLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL goes away under load, for real: the service reaches it through a TCP relay this test owns and cuts.
 * Clients keep a ledger of what was acknowledged, checked against the table afterwards.
 */
class DatabaseOutageApiTest {

    private static final Duration CHECKOUT = PostgresSettings.DEFAULT_CHECKOUT_TIMEOUT;
    private static final Duration CUT = Duration.ofSeconds(10);

    private TestDatabase database;
    private TcpRelay relay;
    private TestServer server;

    /** One request as the client saw it. */
    private record Exchange(String tenant, String kind, int status, long startNanos, long endNanos, boolean foreign) {
        long millis() {
            return (endNanos - startNanos) / 1_000_000;
        }
    }

    @BeforeEach
    void serviceBehindARelay() {
        database = TestDatabase.create(8);
        relay = TcpRelay.toJdbcUrl(database.settings().url());
        PostgresSettings direct = database.settings();
        PostgresSettings relayed = new PostgresSettings(relay.relayed(direct.url()), direct.migrator(), direct.app(),
                direct.bypass(), 8, 2, true, CHECKOUT);
        // only the overall budgets, lifted, and no operation budgets: the load here must never meet a limit
        TierLimits generous = new TierLimits(TierLimits.defaults().budgets());
        for (Tier tier : Tier.values()) {
            generous = generous.with(tier, new Budget(1_000_000, Duration.ofMinutes(1)));
        }
        server = TestServer.start(database, relayed, Duration.ofSeconds(30), Optional.empty(), generous,
                TenantryConfig.Dedicated.none());
    }

    @AfterEach
    void stop() {
        server.tenantry.close();
        relay.close();
        database.close();
    }

    @Test
    void aTenSecondCutAnswersOnly503sWithinTheDeadlineRecoversAndLosesNoAcknowledgedOrder() throws Exception {
        List<TestTenant> tenants = List.of(server.newTenant(Tier.FREE), server.newTenant(Tier.PRO),
                server.newTenant(Tier.ENTERPRISE), server.newTenant(Tier.ENTERPRISE));
        Map<String, Set<String>> acknowledged = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Exchange> exchanges = new ConcurrentLinkedQueue<>();
        long[] phase = new long[2];
        long begin = System.nanoTime();
        long end = begin + Duration.ofSeconds(17).toNanos();
        List<Thread> clients = new ArrayList<>();
        for (TestTenant tenant : tenants) {
            acknowledged.put(tenant.id().value(), ConcurrentHashMap.newKeySet());
            String token = tenant.member();
            clients.add(Thread.ofVirtual().start(() -> writeUntil(end, tenant, token, acknowledged, exchanges)));
            clients.add(Thread.ofVirtual().start(() -> readUntil(end, tenant, token, acknowledged, exchanges)));
        }
        Thread.sleep(3_000);
        phase[0] = System.nanoTime();
        relay.cut();
        Thread.sleep(CUT.toMillis());
        phase[1] = System.nanoTime();
        relay.restore();
        for (Thread client : clients) {
            client.join();
        }
        long cutAt = phase[0];
        long restoredAt = phase[1];

        List<Exchange> all = List.copyOf(exchanges);
        assertEquals(List.of(), all.stream().filter(Exchange::foreign).toList(), "no response carries another tenant's data");
        assertEquals(List.of(), all.stream().filter(e -> e.status() >= 500 && e.status() != 503).toList(), "only 503s");
        List<Exchange> duringCut = all.stream().filter(e -> e.startNanos() >= cutAt && e.endNanos() <= restoredAt).toList();
        assertTrue(duringCut.size() > 50, "load went on during the cut: " + duringCut.size());
        assertEquals(Map.of(503, (long) duringCut.size()), duringCut.stream()
                .collect(Collectors.groupingBy(Exchange::status, Collectors.counting())), "only 503 while cut");
        long slowest = duringCut.stream().mapToLong(Exchange::millis).max().orElseThrow();
        assertTrue(slowest <= CHECKOUT.toMillis(), "a 503 took " + slowest + " ms, past the checkout deadline");
        long firstServed = all.stream().filter(e -> e.startNanos() >= restoredAt && e.status() < 300)
                .mapToLong(Exchange::endNanos).min().orElseThrow();
        long recoveryMillis = (firstServed - restoredAt) / 1_000_000;
        assertTrue(recoveryMillis <= 2_000, "recovered " + recoveryMillis + " ms after the restore");
        long settled = restoredAt + Duration.ofSeconds(2).toNanos();
        assertEquals(List.of(), all.stream().filter(e -> e.startNanos() >= settled && e.status() >= 300).toList(),
                "everything served again two seconds after the restore");
        assertEquals(List.of(), all.stream().filter(e -> e.endNanos() < cutAt && e.status() >= 300).toList(),
                "everything served before the cut");

        int ledger = 0;
        for (TestTenant tenant : tenants) {
            Set<String> ids = acknowledged.get(tenant.id().value());
            ledger += ids.size();
            String stored = database.query("SELECT count(*) FROM orders WHERE tenant_id = '" + tenant.id().value()
                    + "' AND id::text IN ('" + String.join("','", ids) + "')");
            assertEquals(String.valueOf(ids.size()), stored, "every acknowledged order of " + tenant.id() + " is stored");
        }
        long slowest503 = all.stream().filter(e -> e.status() == 503).mapToLong(Exchange::millis).max().orElseThrow();
        double median503 = all.stream().filter(e -> e.status() == 503).mapToLong(Exchange::millis).sorted()
                .skip(all.stream().filter(e -> e.status() == 503).count() / 2).findFirst().orElseThrow();
        System.out.printf("outage: %d exchanges, %d during the cut (503 median %.0f ms, slowest %d ms), recovery %d ms,"
                + " ledger %d acknowledged orders all stored%n", all.size(), duringCut.size(), median503, slowest503,
                recoveryMillis, ledger);
    }

    @Test
    void aCommitWhoseAcknowledgementIsLostIsPlacedExactlyOnceWhenRetriedWithItsKey() {
        TestTenant tenant = server.newTenant(Tier.PRO);
        String customer = "lost-ack-" + UUID.randomUUID();
        String key = "retry-" + UUID.randomUUID();
        String body = Json.order(customer);
        assertEquals(201, server.api.post("/api/orders", tenant.member(), Json.order("warm-up")).status());

        relay.loseReplyTo(customer);
        Api.Response lost = server.api.post("/api/orders", tenant.member(), body, "Idempotency-Key", key);
        lost.assertProblem(503);
        assertEquals("1", database.query("SELECT count(*) FROM orders WHERE customer = '" + customer + "'"),
                "the write reached the database; only its acknowledgement was lost");

        Api.Response retried = server.api.post("/api/orders", tenant.member(), body, "Idempotency-Key", key);
        assertEquals(201, retried.status(), retried.body());
        assertEquals(customer, Json.parse(retried.body()).get("customer").asText());
        assertEquals("1", database.query("SELECT count(*) FROM orders WHERE customer = '" + customer + "'"),
                "the retry replays the stored answer instead of placing a second order");
        assertEquals(retried.body(), server.api.post("/api/orders", tenant.member(), body, "Idempotency-Key", key).body());

        String other = "second-" + UUID.randomUUID();
        assertEquals(201, server.api.post("/api/orders", tenant.member(), Json.order(other), "Idempotency-Key",
                "retry-" + UUID.randomUUID()).status(), "positive control: a new key places a new order");
        assertEquals("1", database.query("SELECT count(*) FROM orders WHERE customer = '" + other + "'"));
    }

    private void writeUntil(long end, TestTenant tenant, String token, Map<String, Set<String>> acknowledged,
                            ConcurrentLinkedQueue<Exchange> exchanges) {
        while (System.nanoTime() < end) {
            String customer = tenant.id().value() + "-" + UUID.randomUUID();
            long start = System.nanoTime();
            Api.Response response = server.api.post("/api/orders", token, Json.order(customer),
                    "Idempotency-Key", UUID.randomUUID().toString());
            boolean foreign = false;
            if (response.status() == 201) {
                JsonNode order = Json.parse(response.body());
                foreign = !order.get("customer").asText().equals(customer);
                acknowledged.get(tenant.id().value()).add(order.get("id").asText());
            }
            exchanges.add(new Exchange(tenant.id().value(), "place", response.status(), start, System.nanoTime(), foreign));
            pause();
        }
    }

    private void readUntil(long end, TestTenant tenant, String token, Map<String, Set<String>> acknowledged,
                           ConcurrentLinkedQueue<Exchange> exchanges) {
        String prefix = tenant.id().value() + "-";
        while (System.nanoTime() < end) {
            List<String> own = List.copyOf(acknowledged.get(tenant.id().value()));
            long start = System.nanoTime();
            Api.Response response;
            boolean foreign = false;
            if (own.isEmpty() || ThreadLocalRandom.current().nextBoolean()) {
                response = server.api.get("/api/orders?limit=20", token);
                if (response.status() == 200) {
                    for (JsonNode order : Json.parse(response.body()).get("items")) {
                        foreign |= !order.get("customer").asText().startsWith(prefix);
                    }
                }
            } else {
                response = server.api.get("/api/orders/" + own.get(ThreadLocalRandom.current().nextInt(own.size())), token);
                if (response.status() == 200) {
                    foreign = !Json.parse(response.body()).get("customer").asText().startsWith(prefix);
                }
            }
            exchanges.add(new Exchange(tenant.id().value(), "read", response.status(), start, System.nanoTime(), foreign));
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
