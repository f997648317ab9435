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
}
