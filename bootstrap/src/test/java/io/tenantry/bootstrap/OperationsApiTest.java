package io.tenantry.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantry.adapters.persistence.postgres.TestDatabase;
import io.tenantry.bootstrap.TestServer.TestTenant;
import io.tenantry.kernel.context.Tier;
import io.tenantry.kernel.testing.Eventually;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /health}, {@code /metrics} and {@code /openapi.json}. */
class OperationsApiTest {

    /** The endpoints of API.md. */
    private static final List<String> CONTRACT = List.of(
            "GET /health", "GET /metrics", "GET /openapi.json", "GET /docs",
            "POST /api/orders", "GET /api/orders", "GET /api/orders/{id}", "PATCH /api/orders/{id}", "DELETE /api/orders/{id}",
            "POST /api/users", "GET /api/users/{id}", "PATCH /api/users/{id}",
            "PUT /api/files/{name}", "GET /api/files/{name}", "GET /api/files", "DELETE /api/files/{name}",
            "GET /admin/tenants", "POST /admin/tenants", "PATCH /admin/tenants/{id}",
            "POST /admin/tenants/{id}/database", "DELETE /admin/tenants/{id}/database", "GET /admin/orders", "GET /admin/audit");

    private final TestServer server = TestServer.get();
    private final Api api = server.api;

    @Test
    void theOpenApiDocumentDescribesExactlyTheServedEndpoints() {
        JsonNode paths = Json.parse(api.get("/openapi.json", null).body()).get("paths");
        Set<String> documented = new HashSet<>();
        for (Iterator<String> names = paths.fieldNames(); names.hasNext(); ) {
            String path = names.next();
            paths.get(path).fieldNames().forEachRemaining(method -> documented.add(method.toUpperCase() + " " + path));
        }
        assertEquals(Set.copyOf(CONTRACT), documented);
        for (String endpoint : CONTRACT) {
            String[] methodAndPath = endpoint.split(" ");
            String path = methodAndPath[1].replace("{name}", "file.txt").replace("{id}",
                    methodAndPath[1].startsWith("/admin/tenants") ? "tenant-x" : "00000000-0000-0000-0000-000000000000");
            int status = api.send(methodAndPath[0], path, null, null).status();
            assertFalse(status == 404 || status == 405, endpoint + " is documented but not served (" + status + ")");
        }
    }

    @Test
    void theApiPageServesItsOwnFilesUnderAPolicyThatAllowsOnlyThisServer() {
        for (String file : List.of("/docs", "/docs/api-page.js", "/docs/swagger-ui-bundle.js", "/docs/swagger-ui.css",
                "/docs/favicon-32x32.png")) {
            var answer = api.get(file, null);
            assertEquals(200, answer.status(), file);
            String policy = answer.header("Content-Security-Policy").orElseThrow();
            assertTrue(policy.startsWith("default-src 'none'; script-src 'self';"), policy);
            assertTrue(policy.contains("connect-src 'self'") && policy.contains("frame-ancestors 'none'"), policy);
            assertEquals("nosniff", answer.header("X-Content-Type-Options").orElseThrow(), file);
        }
        assertTrue(api.get("/docs", null).body().contains("<div id=\"swagger-ui\">"), "the page itself");
        // the webjar's other files, its own initializer (which would load a sample API) and anything else: not served
        for (String other : List.of("/docs/index.html", "/docs/swagger-initializer.js", "/docs/swagger-ui.js",
                "/docs/..%2Fopenapi.json", "/docs/%2e%2e/openapi.json", "/docs/META-INF/MANIFEST.MF")) {
            assertEquals(404, api.get(other, null).status(), other);
        }
    }

    @Test
    void metricsCountRequestsByRouteStatusAndTierWithoutTenantIds() {
        TestTenant tenant = server.newTenant(Tier.ENTERPRISE);
        api.get("/api/orders", tenant.member());
        // one scrape is served for up to a second, so the request shows in the next fresh one
        String metrics = Eventually.value(Duration.ofSeconds(3), () -> api.get("/metrics", null), answer -> answer.body().lines()
                .anyMatch(line -> line.startsWith("tenantry_http_requests_seconds_count{")
                        && line.contains("route=\"/api/orders\"") && line.contains("tier=\"enterprise\"")
                        && line.contains("status=\"200\""))).body();
        assertFalse(metrics.contains(tenant.id().value()), "tenant ids are not metric labels");
    }

    @Test
    void metricsExposeTheJvmThePoolsJettyAndARequestHistogramWithBuckets() {
        TestTenant tenant = server.newTenant(Tier.PRO);
        api.get("/api/orders", tenant.member());
        String metrics = Eventually.value(Duration.ofSeconds(3), () -> api.get("/metrics", null), answer -> answer.body()
                .contains("tenantry_http_requests_seconds_bucket{") && answer.body().contains("tier=\"pro\"")).body();
        for (String family : List.of("jvm_memory_used_bytes", "jvm_gc_memory_allocated_bytes_total",
                "jvm_threads_live_threads", "jvm_classes_loaded_classes", "process_cpu_usage", "process_uptime_seconds",
                "hikaricp_connections_active", "hikaricp_connections_pending", "jetty_threads_current",
                "jetty_connections_current_connections", "tenantry_http_requests_seconds", "tenantry_rate_limit_decisions_total",
                "tenantry_dedicated_db_connections_reserved")) {
            assertTrue(metrics.lines().anyMatch(line -> line.startsWith("# TYPE " + family + " ")), () -> family + " is declared; jetty: " + metrics.lines().filter(line -> line.startsWith("# TYPE jetty")).toList());
            assertTrue(metrics.lines().anyMatch(line -> line.startsWith(family + "{") || line.startsWith(family + " ")
                    || line.startsWith(family + "_bucket{") || line.startsWith(family + "_count{")), family + " has samples");
        }
        assertTrue(metrics.contains("# TYPE tenantry_http_requests_seconds histogram"), "a histogram, not a summary");
        assertTrue(metrics.lines().anyMatch(line -> line.startsWith("tenantry_http_requests_seconds_bucket{")
                && line.contains("le=\"0.005\"") && line.contains("route=\"/api/orders\"")), "the first bucket bound");
        assertTrue(metrics.contains("hikaricp_connections_active{pool=\"shared\"}"), "the shared pool by name");
        assertTrue(metrics.contains("hikaricp_connections_active{pool=\"bypass\"}"), "the bypass pool by name");
        assertFalse(metrics.contains(tenant.id().value()), "tenant ids are not metric labels");
    }

    @Test
    void aFloodOfHealthChecksUsesOneProbeConnectionNotTheTenantsPool() throws Exception {
        TestDatabase database = TestDatabase.create(2);
        TestServer own = TestServer.start(database, Duration.ofMillis(100));
        try {
            List<Thread> flood = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                flood.add(Thread.ofVirtual().start(() -> {
                    for (int j = 0; j < 25; j++) {
                        assertEquals(200, own.api.get("/health", null).status());
                        assertEquals(200, own.api.get("/metrics", null).status());
                    }
                }));
            }
            for (Thread thread : flood) {
                thread.join();
            }
            assertEquals("1", database.query("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                    + " AND application_name = 'tenantry-probe'"), "one probe connection answers every /health");
            TestTenant tenant = own.newTenant(Tier.PRO);
            assertEquals(200, own.api.get("/api/orders", tenant.member()).status(), "tenants are served meanwhile");
        } finally {
            own.tenantry.close();
            database.close();
        }
    }

    @Test
    void healthIsDownWhileTheDatabaseRefusesConnections() {
        TestDatabase database = TestDatabase.create(2);
        TestServer own = TestServer.start(database, Duration.ofMillis(100));
        try {
            assertEquals("UP", Json.parse(own.api.get("/health", null).body()).get("status").asText());
            String app = database.settings().app().user();
            database.execute("ALTER ROLE " + app + " NOLOGIN",
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '" + app + "'");
            var down = Eventually.value(Duration.ofSeconds(3), () -> own.api.get("/health", null), answer -> answer.status() == 503);
            assertEquals("DOWN", Json.parse(down.body()).get("checks").get("database").asText());
            assertEquals(Optional.of("1"), down.header("Retry-After"));
            var refused = own.api.get("/api/orders", own.operator.admin());
            refused.assertProblem(503);
            assertEquals(Optional.of("1"), refused.header("Retry-After"));
            database.execute("ALTER ROLE " + app + " LOGIN");
            Eventually.value(Duration.ofSeconds(3), () -> own.api.get("/health", null), answer -> answer.status() == 200);
            assertEquals(200, own.api.get("/admin/tenants", own.operator.admin()).status(), "serving once the database is back");
        } finally {
            own.tenantry.close();
            database.close();
        }
    }
}
