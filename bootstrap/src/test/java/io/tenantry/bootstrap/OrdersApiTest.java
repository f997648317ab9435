package io.tenantry.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantry.application.idempotency.IdempotencyKey;
import io.tenantry.application.idempotency.IdempotencyStore;
import io.tenantry.bootstrap.Api.Response;
import io.tenantry.kernel.context.TenantContext;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /api/orders} end to end: a real server, real PostgreSQL, two tenants. */
class OrdersApiTest extends TwoTenantsApiTest {

    @Test
    void anOrderIsCreatedWithLocationAndReadBack() {
        Response created = api.post("/api/orders", a.member(), Json.order("ACME Corp"));
        assertEquals(201, created.status(), created.body());
        JsonNode order = Json.parse(created.body());
        assertEquals("/api/orders/" + order.get("id").asText(), created.header("Location").orElseThrow());
        assertEquals("open", order.get("status").asText());
        assertEquals(2_500, order.get("totalCents").asLong());
        assertTrue(order.get("tenantId") == null, "an order does not expose its tenant");
        Response read = api.get("/api/orders/" + order.get("id").asText(), a.member());
        assertEquals(200, read.status());
        assertEquals(order, Json.parse(read.body()));
    }

    @Test
    void anotherTenantsOrderIsA404IdenticalToAMissingOne() {
        String id = Json.parse(api.post("/api/orders", a.member(), Json.order("x")).body()).get("id").asText();
        Response foreign = api.get("/api/orders/" + id, b.member()).assertProblem(404);
        Response missing = api.get("/api/orders/" + UUID.randomUUID(), b.member()).assertProblem(404);
        assertEquals(missing.body(), foreign.body());
        assertEquals(missing.contentType(), foreign.contentType());
        api.patch("/api/orders/" + id, b.member(), "{\"status\":\"paid\"}").assertProblem(404);
        api.delete("/api/orders/" + id, b.owner()).assertProblem(404);
        assertEquals(200, api.get("/api/orders/" + id, a.member()).status(), "positive control");
    }

    @Test
    void malformedIdsAreNotFound() {
        api.get("/api/orders/not-a-uuid", a.member()).assertProblem(404);
        api.get("/api/orders/" + UUID.randomUUID().toString().toUpperCase() + "x", a.member()).assertProblem(404);
    }

    @Test
    void listsArePagedWithCursorsAndFilteredByStatus() {
        for (int i = 0; i < 5; i++) {
            api.post("/api/orders", a.member(), Json.order("c" + i));
        }
        api.post("/api/orders", b.member(), Json.order("of B"));
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            Response page = api.get("/api/orders?limit=2" + (cursor == null ? "" : "&cursor=" + cursor), a.member());
            assertEquals(200, page.status(), page.body());
            JsonNode body = Json.parse(page.body());
            body.get("items").forEach(item -> assertTrue(seen.add(item.get("id").asText())));
            body.get("items").forEach(item -> assertTrue(item.get("customer").asText().startsWith("c")));
            cursor = body.get("nextCursor").isNull() ? null : body.get("nextCursor").asText();
            pages++;
        } while (cursor != null);
        assertEquals(3, pages);
        assertEquals(5, seen.size());

        String paid = Json.parse(api.post("/api/orders", a.member(), Json.order("paid one")).body()).get("id").asText();
        assertEquals(200, api.patch("/api/orders/" + paid, a.member(), "{\"status\":\"paid\"}").status());
        JsonNode onlyPaid = Json.parse(api.get("/api/orders?status=paid", a.member()).body()).get("items");
        assertEquals(1, onlyPaid.size());
        assertEquals(paid, onlyPaid.get(0).get("id").asText());
    }

    @Test
    void badListParametersAre400() {
        api.get("/api/orders?limit=0", a.member()).assertProblem(400);
        api.get("/api/orders?limit=101", a.member()).assertProblem(400);
        api.get("/api/orders?limit=ten", a.member()).assertProblem(400);
        api.get("/api/orders?cursor=bm9wZQ", a.member()).assertProblem(400);
        api.get("/api/orders?status=refunded", a.member()).assertProblem(400);
        assertEquals(200, api.get("/api/orders?limit=100", a.member()).status(), "positive control");
    }

    @Test
    void statusChangesFollowTheLifecycle() {
        String id = Json.parse(api.post("/api/orders", a.member(), Json.order("x")).body()).get("id").asText();
        api.patch("/api/orders/" + id, a.member(), "{\"status\":\"shipped\"}").assertProblem(409);
        assertEquals("paid", Json.parse(api.patch("/api/orders/" + id, a.member(), "{\"status\":\"paid\"}").body())
                .get("status").asText());
        assertEquals(200, api.patch("/api/orders/" + id, a.member(), "{\"status\":\"shipped\"}").status());
        api.patch("/api/orders/" + id, a.member(), "{\"status\":\"cancelled\"}").assertProblem(409);
        api.patch("/api/orders/" + id, a.member(), "{\"status\":\"lost\"}").assertProblem(400);
    }

    @Test
    void aTokenWithoutATenantRoleIs403() {
        String viewer = server.token(a.id(), a.tier(), "viewer");
        api.get("/api/orders", viewer).assertProblem(403);
        api.post("/api/orders", viewer, Json.order("x")).assertProblem(403);
        api.get("/api/orders", a.admin()).assertProblem(403);
        assertEquals(200, api.get("/api/orders", a.owner()).status(), "positive control: owners are members too");
    }

    @Test
    void onlyOwnersDelete() {
        String id = Json.parse(api.post("/api/orders", a.member(), Json.order("x")).body()).get("id").asText();
        api.delete("/api/orders/" + id, a.member()).assertProblem(403);
        assertEquals(204, api.delete("/api/orders/" + id, a.owner()).status());
        api.get("/api/orders/" + id, a.member()).assertProblem(404);
        api.delete("/api/orders/" + id, a.owner()).assertProblem(404);
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstResponse() {
        Response first = api.post("/api/orders", a.member(), Json.order("once"), "Idempotency-Key", "k-1");
        Response again = api.post("/api/orders", a.member(), Json.order("once"), "Idempotency-Key", "k-1");
        assertEquals(201, first.status());
        assertEquals(201, again.status());
        assertEquals(first.body(), again.body());
        assertEquals(first.header("Location"), again.header("Location"));
        assertEquals(1, Json.parse(api.get("/api/orders", a.member()).body()).get("items").size());

        api.post("/api/orders", a.member(), Json.order("twice"), "Idempotency-Key", "k-1").assertProblem(422);
        Response otherTenant = api.post("/api/orders", b.member(), Json.order("once"), "Idempotency-Key", "k-1");
        assertEquals(201, otherTenant.status(), "keys are per tenant");
        assertTrue(!otherTenant.body().equals(first.body()), "tenant B never gets tenant A's response");
        api.post("/api/orders", a.member(), Json.order("x"), "Idempotency-Key", "bad key with spaces").assertProblem(400);
    }

    @Test
    void anIdempotencyKeyInFlightIsAConflict() {
        IdempotencyStore store = server.tenantry.bean(IdempotencyStore.class);
        String sameBody = java.util.HexFormat.of().formatHex(sha256(Json.order("x")));
        TenantContext.run(server.identity(a), () -> store.claim(new IdempotencyKey("in-flight"), sameBody));
        api.post("/api/orders", a.member(), Json.order("x"), "Idempotency-Key", "in-flight").assertProblem(409);
        assertEquals(201, api.post("/api/orders", a.member(), Json.order("x"), "Idempotency-Key", "free").status());
    }

    private static byte[] sha256(String body) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
