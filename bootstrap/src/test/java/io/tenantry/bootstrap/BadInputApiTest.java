package io.tenantry.bootstrap;

import io.tenantry.bootstrap.TestServer.TestTenant;
import io.tenantry.kernel.context.Tier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
}
