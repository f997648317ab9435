package io.tenantry.bootstrap;

import io.tenantry.bootstrap.TestServer.TestTenant;
import io.tenantry.kernel.context.Tier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The bad-input catalogue: every one a 4xx problem+json that leaks nothing, and nothing is stored. */
class BadInputApiTest {

    private final TestServer server = TestServer.get();
    private final Api api = server.api;
    private TestTenant a;

    @BeforeEach
    void tenant() {
        a = server.newTenant(Tier.PRO);
    }

    @Test
    void malformedBodiesAre400() {
        String[] bodies = {
                "{\"customer\":\"x\",\"lines\":[{\"sku\":\"S\",\"quantity\":1,\"unitPriceCents\":1}]",
                "",
                "not json",
                "[]",
                "null",
                "{\"customer\":\"x\",\"lines\":[{\"sku\":\"S\",\"quantity\":1,\"unitPriceCents\":1}]} trailing",
                "{\"customer\":\"x\",\"lines\":[{\"sku\":\"S\",\"quantity\":\"1\",\"unitPriceCents\":1}]}",
                "{\"customer\":\"x\",\"lines\":[{\"sku\":\"S\",\"quantity\":1.5,\"unitPriceCents\":1}]}",
                "{\"customer\":\"x\",\"lines\":[{\"sku\":\"S\",\"quantity\":99999999999999999999999999,\"unitPriceCents\":1}]}",
                "{\"customer\":\"x\",\"lines\":[{\"sku\":\"S\",\"quantity\":1,\"unitPriceCents\":1" + "0".repeat(400) + "}]}",
                "{\"customer\":\"x\",\"lines\":[{\"sku\":\"S\",\"quantity\":0,\"unitPriceCents\":1}]}",
                "{\"customer\":\"x\",\"lines\":[{\"sku\":\"S\",\"quantity\":1,\"unitPriceCents\":-1}]}",
                "{\"customer\":\"x\",\"lines\":[]}",
                "{\"customer\":\"x\"}",
                "{\"lines\":[{\"sku\":\"S\",\"quantity\":1,\"unitPriceCents\":1}]}",
                "{\"customer\":7,\"lines\":[{\"sku\":\"S\",\"quantity\":1,\"unitPriceCents\":1}]}",
                "{\"customer\":\"x\",\"lines\":[null]}",
                "{\"customer\":\"x\",\"tenantId\":\"someone-else\",\"lines\":[{\"sku\":\"S\",\"quantity\":1,\"unitPriceCents\":1}]}",
                "{\"customer\":\"x\",\"customer\":\"y\",\"lines\":[{\"sku\":\"S\",\"quantity\":1,\"unitPriceCents\":1}]}",
                "{\"customer\":\"x\",\"lines\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}",
                "{\"a\":" + "{\"a\":".repeat(200) + "1" + "}".repeat(201),
        };
        for (String body : bodies) {
            api.post("/api/orders", a.member(), body).assertProblem(400);
        }
        assertEquals(0, Json.parse(api.get("/api/orders", a.member()).body()).get("items").size());
        assertEquals(201, api.post("/api/orders", a.member(), Json.order("valid")).status(), "positive control");
    }

    @Test
    void malformedOrOutOfRangeCursorsAre400() {
        String id = "3f2b7c1e-9a4d-4e8b-8c6f-1d2e3f4a5b6c";
        String[] plainCursors = {
                Instant.MAX.getEpochSecond() + ".999999999." + id,
                Instant.MIN.getEpochSecond() + ".0." + id,
                "9400000000000.0." + id,
                "-300000000000.0." + id,
                "253402300800.0." + id,
                "-62135596801.0." + id,
                Long.MAX_VALUE + "." + Long.MAX_VALUE + "." + id,
                Long.MIN_VALUE + "." + Long.MIN_VALUE + "." + id,
                "0." + Long.MAX_VALUE + "." + id,
                "0.-1." + id,
                "0.1000000000." + id,
                "99999999999999999999.0." + id,
                "0.99999999999999999999." + id,
                "1.5e3.0." + id,
                "+1.0." + id,
                "01.0." + id,
                "0.0.not-a-uuid",
                "0.0.3f2b7c1e-9a4d-4e8b-8c6f-1d2e3f4a5b6g",
                "0.0.1-1-1-1-1",
                "0.0.3F2B7C1E-9A4D-4E8B-8C6F-1D2E3F4A5B6C",
                "0.0." + id + ".extra",
                "0.0.",
                "0." + id,
                "..",
                "",
        };
        List<String> cursors = new ArrayList<>();
        for (String plain : plainCursors) {
            cursors.add(Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8)));
        }
        cursors.addAll(List.of("%25%25%25", "!!!!", "a", "ab=c", "_-_-_-_-", "bm9wZQ", "x".repeat(129), "%00",
                Base64.getUrlEncoder().encodeToString(("0.0." + id).getBytes(StandardCharsets.UTF_8)) + "==",
                Base64.getUrlEncoder().encodeToString(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1})));
        List<String> notRefused = new ArrayList<>();
        for (String cursor : cursors) {
            String query = "cursor=" + java.net.URLEncoder.encode(cursor, StandardCharsets.UTF_8);
            for (String path : List.of("/api/orders?" + query, "/api/orders?status=open&" + query)) {
                try {
                    api.get(path, a.member()).assertProblem(400);
                } catch (AssertionError wrong) {
                    notRefused.add(path + " (" + new String(decoded(cursor), StandardCharsets.UTF_8) + "): " + wrong.getMessage());
                }
            }
        }
        assertEquals(List.of(), notRefused, "every bad cursor is a 400 problem");
        api.post("/api/orders", a.member(), Json.order("first"));
        api.post("/api/orders", a.member(), Json.order("second"));
        String next = Json.parse(api.get("/api/orders?limit=1", a.member()).body()).get("nextCursor").asText();
        assertEquals(200, api.get("/api/orders?limit=1&cursor=" + next, a.member()).status(), "positive control");
        assertEquals(200, api.get("/api/orders?status=open&limit=1&cursor=" + next, a.member()).status());
        String early = Base64.getUrlEncoder().withoutPadding().encodeToString(("-62135596800.0." + id).getBytes(StandardCharsets.UTF_8));
        String late = Base64.getUrlEncoder().withoutPadding().encodeToString(("253402300799.999999999." + id).getBytes(StandardCharsets.UTF_8));
        assertEquals(200, api.get("/api/orders?cursor=" + early, a.member()).status(), "the first second of year 1 is in range");
        assertEquals(200, api.get("/api/orders?cursor=" + late, a.member()).status(), "the last of year 9999 too");
    }

    @Test
    void anOversizedBodyIs413() {
        String huge = "{\"customer\":\"" + "x".repeat(1_100_000) + "\",\"lines\":[]}";
        api.post("/api/orders", a.member(), huge).assertProblem(413);
    }

    @Test
    void aWrongContentTypeIs415() {
        api.send("POST", "/api/orders", a.member(), Json.order("x"), "Content-Type", "text/plain").assertProblem(415);
        api.send("POST", "/api/orders", a.member(), Json.order("x")).assertProblem(415);
    }

    @Test
    void aWrongMethodIs405AndAnUnknownPathIs404() {
        api.send("PUT", "/api/orders", a.member(), Json.order("x"), "Content-Type", "application/json").assertProblem(405);
        api.get("/api/nothing-here", a.member()).assertProblem(404);
    }

    private static byte[] decoded(String cursor) {
        try {
            return Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException notBase64) {
            return cursor.getBytes(StandardCharsets.UTF_8);
        }
    }
}
