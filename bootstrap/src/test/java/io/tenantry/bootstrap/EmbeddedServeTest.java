package io.tenantry.bootstrap;

import io.tenantry.adapters.web.auth.DevelopmentTokens;
import io.tenantry.application.admin.AdminService;
import io.tenantry.application.order.OrderService;
import io.tenantry.kernel.context.TenantId;
import io.tenantry.kernel.context.Tier;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What {@code serve} does with nothing configured: embedded PostgreSQL, migrations, demo tenants with orders, the
 * development secret, and isolation between the demo tenants.
 */
class EmbeddedServeTest {

    @Test
    void theEmbeddedDefaultsServeTheDemoTenantsInIsolation() {
        TenantryConfig config = TenantryConfig.load(new ConfigSource(Map.of("TENANTRY_HTTP_PORT", "0")));
        assertTrue(config.embedded());
        try (Tenantry tenantry = Tenantry.start(config)) {
            DemoData.seed(tenantry.bean(AdminService.class), tenantry.bean(OrderService.class));
            DevelopmentTokens tokens = new DevelopmentTokens(config.web().jwt(), Clock.systemUTC());
            Api api = new Api("http://127.0.0.1:" + tenantry.port());
            String acme = tokens.mint(DemoData.member(TenantId.of("acme"), Tier.ENTERPRISE, "alice"), Duration.ofMinutes(5));
            String globex = tokens.mint(DemoData.member(TenantId.of("globex"), Tier.PRO, "bob"), Duration.ofMinutes(5));
            var orders = Json.parse(api.get("/api/orders", acme).body()).get("items");
            assertEquals(3, orders.size());
            orders.forEach(order -> assertTrue(order.get("customer").asText().startsWith("Acme")));
            api.get("/api/orders/" + orders.get(0).get("id").asText(), globex).assertProblem(404);
            assertEquals(200, api.get("/api/orders/" + orders.get(0).get("id").asText(), acme).status());
            assertEquals(3, Json.parse(api.get("/api/orders", globex).body()).get("items").size());
        }
    }
}
