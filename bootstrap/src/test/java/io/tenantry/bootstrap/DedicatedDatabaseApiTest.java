package io.tenantry.bootstrap;

import io.tenantry.adapters.persistence.postgres.TestDatabase;
import io.tenantry.bootstrap.TestServer.TestTenant;
import io.tenantry.kernel.context.TenantId;
import io.tenantry.kernel.context.Tier;
import io.tenantry.kernel.limits.TierLimits;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An enterprise tenant on a database of its own, end to end: its rows land there and isolation holds. */
class DedicatedDatabaseApiTest {

    @Test
    void aDedicatedTenantsOrdersLiveInItsOwnDatabase() throws Exception {
        TenantId enterprise = TenantId.of("bigcorp");
        try (TestDatabase shared = TestDatabase.create(4); TestDatabase own = TestDatabase.create(2)) {
            TestServer server = TestServer.start(shared, Duration.ofSeconds(2), Optional.empty(), TierLimits.defaults(),
                    new TenantryConfig.Dedicated(Map.of(enterprise, own.settings()), 2));
            try {
                server.api.post("/admin/tenants", server.operator.admin(),
                        "{\"id\":\"bigcorp\",\"name\":\"Big Corp\",\"tier\":\"enterprise\"}");
                TestTenant big = new TestTenant(enterprise, Tier.ENTERPRISE, server);
                TestTenant small = server.newTenant(Tier.FREE);
                String id = Json.parse(server.api.post("/api/orders", big.member(), Json.order("big order")).body())
                        .get("id").asText();
                server.api.post("/api/orders", small.member(), Json.order("small order"));
                assertEquals("1", own.query("SELECT count(*) FROM orders WHERE tenant_id = 'bigcorp'"));
                assertEquals("0", shared.query("SELECT count(*) FROM orders WHERE tenant_id = 'bigcorp'"));
                assertEquals(200, server.api.get("/api/orders/" + id, big.member()).status());
                server.api.get("/api/orders/" + id, small.member()).assertProblem(404);
                Set<String> tenants = new HashSet<>();
                Json.parse(server.api.get("/admin/orders", server.operator.admin()).body()).get("items")
                        .forEach(item -> tenants.add(item.get("tenantId").asText()));
                assertTrue(tenants.containsAll(Set.of("bigcorp", small.id().value())), tenants.toString());
            } finally {
                server.tenantry.close();
            }
        }
    }

    @Test
    void aTenantDatabaseThatIsGoneIs503ForItsTenantOnlyAndTheListingNamesIt() throws Exception {
        TenantId up = TenantId.of("upcorp");
        try (TestDatabase shared = TestDatabase.create(4); TestDatabase ofUp = TestDatabase.create(2)) {
            TestServer server = TestServer.start(shared, Duration.ofSeconds(2), Optional.empty(), TierLimits.defaults(),
                    new TenantryConfig.Dedicated(Map.of(up, ofUp.settings()), 2));
            String lostName = shared.name() + "_downcorp";
            try {
                String admin = server.operator.admin();
                for (String tenant : java.util.List.of("upcorp", "downcorp")) {
                    server.api.post("/admin/tenants", admin, "{\"id\":\"" + tenant + "\",\"name\":\"" + tenant
                            + "\",\"tier\":\"enterprise\"}").assertStatus(201);
                }
                server.api.patch("/admin/tenants/downcorp", admin, "{\"status\":\"suspended\"}").assertStatus(200);
                // once the suspension has settled (no instance may still trust an older reading of it)
                io.tenantry.kernel.testing.Eventually.value(Duration.ofSeconds(6),
                        () -> server.api.post("/admin/tenants/downcorp/database", admin, ""),
                        answer -> answer.status() == 201);
                server.api.patch("/admin/tenants/downcorp", admin, "{\"status\":\"active\"}").assertStatus(200);
                TestTenant upTenant = new TestTenant(up, Tier.ENTERPRISE, server);
                TestTenant downTenant = new TestTenant(TenantId.of("downcorp"), Tier.ENTERPRISE, server);
                TestTenant small = server.newTenant(Tier.FREE);
                server.api.post("/api/orders", upTenant.member(), Json.order("up order")).assertStatus(201);
                server.api.post("/api/orders", small.member(), Json.order("small order")).assertStatus(201);
                server.api.get("/api/orders", downTenant.member()).assertStatus(200);
                // the tenant's database goes away under the running service (a lost server, say)
                dropDatabase(shared, lostName);

                long started = System.nanoTime();
                Api.Response refused = server.api.get("/api/orders", downTenant.member()).assertProblem(503);
                long millis = (System.nanoTime() - started) / 1_000_000;
                assertTrue(refused.header("Retry-After").isPresent(), "503 says when to try again");
                assertTrue(millis < 3_000, "answered within the checkout deadline, not after a long wait: " + millis);
                assertTrue(!refused.body().contains(lostName), "nothing of the database leaks: " + refused.body());
                assertEquals(200, server.api.get("/api/orders", upTenant.member()).status(), "another dedicated tenant");
                assertEquals(200, server.api.get("/api/orders", small.member()).status(), "a shared-database tenant");

                var listing = Json.parse(server.api.get("/admin/orders", admin).assertStatus(200).body());
                Set<String> tenants = new HashSet<>();
                listing.get("items").forEach(item -> tenants.add(item.get("tenantId").asText()));
                assertEquals(Set.of("upcorp", small.id().value()), tenants);
                assertEquals("[\"downcorp\"]", listing.get("unreadableDatabases").toString());
            } finally {
                server.tenantry.close();
                dropDatabase(shared, lostName);
            }
        }
    }

    private static void dropDatabase(TestDatabase shared, String database) throws java.sql.SQLException {
        var settings = shared.settings();
        try (java.sql.Connection owner = java.sql.DriverManager.getConnection(settings.url(), settings.migrator().user(),
                settings.migrator().password()); java.sql.Statement drop = owner.createStatement()) {
            drop.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }
}
