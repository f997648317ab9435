package io.tenantry.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantry.bootstrap.Api.Response;
import io.tenantry.bootstrap.TestServer.TestTenant;
import io.tenantry.kernel.context.Tier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /admin} end to end: roles, provisioning, suspension at once, and one audit event per bypass. */
class AdminApiTest {

    private final TestServer server = TestServer.get();
    private final Api api = server.api;
    private TestTenant a;
    private TestTenant b;
    private String admin;

    @BeforeEach
    void tenants() {
        a = server.newTenant(Tier.PRO);
        b = server.newTenant(Tier.FREE);
        admin = server.operator.admin();
    }

    @Test
    void onlyAdminsOfThePlatformTenantReachAdminRoutes() {
        for (String path : new String[] {"/admin/tenants", "/admin/orders", "/admin/audit"}) {
            api.get(path, a.owner()).assertProblem(403);
            assertEquals(200, api.get(path, admin).status(), path);
        }
        api.get("/admin/tenants", null).assertProblem(401);
        api.get("/admin/orders", a.admin()).assertProblem(403);
    }

    @Test
    void listingOrdersAcrossTenantsWritesExactlyOneAuditEvent() {
        api.post("/api/orders", a.member(), Json.order("of A"));
        api.post("/api/orders", b.member(), Json.order("of B"));
        long before = auditEvents("admin.orders.list");
        Response all = api.get("/admin/orders?limit=1000", admin);
        assertEquals(200, all.status());
        Set<String> tenants = new HashSet<>();
        Json.parse(all.body()).get("items").forEach(item -> tenants.add(item.get("tenantId").asText()));
        assertTrue(tenants.containsAll(Set.of(a.id().value(), b.id().value())), tenants.toString());
        assertEquals(before + 1, auditEvents("admin.orders.list"));
    }

    @Test
    void provisioningCreatesATenantOnce() {
        String id = "prov-" + a.id().value().substring(2);
        Response created = api.post("/admin/tenants", admin, "{\"id\":\"" + id + "\",\"name\":\"Prov\",\"tier\":\"pro\"}");
        assertEquals(201, created.status(), created.body());
        assertEquals("active", Json.parse(created.body()).get("status").asText());
        api.post("/admin/tenants", admin, "{\"id\":\"" + id + "\",\"name\":\"Prov\",\"tier\":\"pro\"}").assertProblem(409);
        api.post("/admin/tenants", admin, "{\"id\":\"Not Valid\",\"name\":\"x\",\"tier\":\"pro\"}").assertProblem(400);
        api.post("/admin/tenants", admin, "{\"id\":\"valid-id\",\"name\":\"x\",\"tier\":\"gold\"}").assertProblem(400);
        api.patch("/admin/tenants/no-such-tenant", admin, "{\"tier\":\"pro\"}").assertProblem(404);
    }

    @Test
    void aSuspendedTenantIsRefusedAtOnceAndOthersAreNot() {
        assertEquals(200, api.get("/api/orders", b.member()).status());
        Response suspended = api.patch("/admin/tenants/" + b.id(), admin, "{\"status\":\"suspended\"}");
        assertEquals(200, suspended.status(), suspended.body());
        api.get("/api/orders", b.member()).assertProblem(403);
        assertEquals(200, api.get("/api/orders", a.member()).status(), "positive control: A is unaffected");
        assertEquals(200, api.patch("/admin/tenants/" + b.id(), admin, "{\"status\":\"active\"}").status());
        assertEquals(200, api.get("/api/orders", b.member()).status());
    }

    @Test
    void aRefusedAttemptAtAnOperatorsDoorIsAuditedWithItsRequestAndSource() {
        String requestId = "probe-" + a.id().value();
        api.get("/admin/orders", a.owner(), "X-Request-Id", requestId).assertProblem(403);
        JsonNode refused = newest(event -> event.get("requestId").asText().equals(requestId));
        assertEquals("refused", refused.get("outcome").asText());
        assertEquals("admin.refused", refused.get("action").asText());
        assertEquals("GET /admin/orders", refused.get("targetScope").asText());
        assertEquals(a.id().value(), refused.get("actorTenant").asText());
        assertEquals("the role 'admin' is missing", refused.get("details").asText());
        assertEquals("127.0.0.1", refused.get("source").asText());
        assertEquals(0, refused.get("rows").asLong());

        String foreignAdmin = "foreign-admin-" + a.id().value();
        api.patch("/admin/tenants/" + b.id(), a.admin(), "{\"status\":\"suspended\"}", "X-Request-Id", foreignAdmin)
                .assertProblem(403);
        JsonNode foreign = newest(event -> event.get("requestId").asText().equals(foreignAdmin));
        assertEquals("PATCH /admin/tenants/{id}", foreign.get("targetScope").asText());
        assertTrue(foreign.get("details").asText().contains("not of the platform"), foreign.toString());
        assertEquals(200, api.get("/api/orders", b.member()).status(), "the refused change did nothing");

        String allowed = "allowed-" + a.id().value();
        assertEquals(200, api.get("/admin/orders", admin, "X-Request-Id", allowed).status());
        JsonNode success = newest(event -> event.get("requestId").asText().equals(allowed));
        assertEquals("success", success.get("outcome").asText(), "positive control: an operator's own call");
        assertEquals("admin.orders.list", success.get("action").asText());
    }

    @Test
    void aTenantChangeRecordsTheNewTierAndStatus() {
        String requestId = "change-" + b.id().value();
        Response changed = api.patch("/admin/tenants/" + b.id(), admin, "{\"tier\":\"enterprise\",\"status\":\"suspended\"}",
                "X-Request-Id", requestId);
        assertEquals(200, changed.status(), changed.body());
        JsonNode event = newest(candidate -> candidate.get("requestId").asText().equals(requestId));
        assertEquals("admin.tenants.change", event.get("action").asText());
        assertEquals(b.id().value(), event.get("targetScope").asText());
        assertEquals("tier=enterprise status=suspended", event.get("details").asText());
        assertEquals(200, api.patch("/admin/tenants/" + b.id(), admin, "{\"status\":\"active\"}").status());
    }

    @Test
    void aTokenForAnUnknownTenantIs401() {
        api.get("/api/orders", server.token(io.tenantry.kernel.context.TenantId.of("never-provisioned"), Tier.PRO, "member"))
                .assertProblem(401);
    }

    private JsonNode newest(java.util.function.Predicate<JsonNode> matching) {
        JsonNode items = Json.parse(api.get("/admin/audit?limit=1000", admin).body()).get("items");
        return StreamSupport.stream(items.spliterator(), false).filter(matching).findFirst()
                .orElseThrow(() -> new AssertionError("no such audit event in " + items));
    }

    private long auditEvents(String action) {
        JsonNode items = Json.parse(api.get("/admin/audit?limit=1000", admin).body()).get("items");
        return StreamSupport.stream(items.spliterator(), false).filter(event -> event.get("action").asText().equals(action)).count();
    }
}
