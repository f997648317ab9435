package io.tenantry.bootstrap;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import io.tenantry.bootstrap.Api.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Identity comes from the verified token only: forged tokens are 401 and change nothing; headers and query
 * parameters naming another tenant are ignored.
 */
class IdentityApiTest extends TwoTenantsApiTest {

    @BeforeEach
    void anOrderOfA() {
        api.post("/api/orders", a.member(), Json.order("secret of A"));
    }

    @Test
    void forgedTokensAre401AndDoNothing() {
        String genuine = a.member();
        String[] parts = genuine.split("\\.");
        Instant now = Instant.now();
        String payloadAsB = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace(a.id().value(), b.id().value());
        List<String> forged = List.of(
                b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".",
                b64("{\"alg\":\"NoNe\"}") + "." + parts[1] + "." + parts[2],
                parts[0] + "." + b64(payloadAsB) + "." + parts[2],
                JWT.create().withIssuer("tenantry").withAudience("tenantry-api").withSubject("x").withIssuedAt(now)
                        .withExpiresAt(now.plusSeconds(60)).withClaim("tenantId", b.id().value()).withClaim("tier", "pro")
                        .withClaim("roles", List.of("member")).sign(Algorithm.HMAC256("guessed-secret-guessed-secret-guessed!")),
                JWT.create().withIssuer("tenantry").withAudience("tenantry-api").withSubject("x").withIssuedAt(now)
                        .withExpiresAt(now.minusSeconds(3_600)).withClaim("tenantId", a.id().value()).withClaim("tier", "pro")
                        .withClaim("roles", List.of("member")).sign(Algorithm.HMAC256(TestServer.SECRET)),
                parts[0] + "." + parts[1],
                genuine + ".x",
                "x".repeat(64 * 1024));
        for (String token : forged) {
            api.get("/api/orders", token).assertProblem(401);
            api.post("/api/orders", token, Json.order("forged")).assertProblem(401);
        }
        api.get("/api/orders", null).assertProblem(401);
        Response own = api.get("/api/orders", genuine);
        assertEquals(200, own.status(), "positive control");
        assertEquals(1, Json.parse(own.body()).get("items").size(), "no forged request created anything");
        assertEquals(0, Json.parse(api.get("/api/orders", b.member()).body()).get("items").size());
    }

    @Test
    void headersAndParametersNamingATenantChangeNothing() {
        Response spoofed = api.get("/api/orders?tenantId=" + a.id(), b.member(), "X-Tenant-Id", a.id().value());
        assertEquals(200, spoofed.status());
        assertEquals(0, Json.parse(spoofed.body()).get("items").size(), "B still sees only B's orders");
        api.post("/api/orders?tenantId=" + a.id(), b.member(), Json.order("of B"), "X-Tenant-Id", a.id().value());
        JsonCheck.onlyCustomers(api.get("/api/orders", a.member()), "secret of A");
        JsonCheck.onlyCustomers(api.get("/api/orders", b.member()), "of B");
    }

    @Test
    void aTokenIsNeededForApiButNotForOperations() {
        api.get("/api/orders", null).assertProblem(401);
        assertEquals(200, api.get("/health", null).status());
        assertEquals(200, api.get("/openapi.json", null).status());
        assertTrue(api.get("/metrics", null).body().contains("tenantry_http_requests"));
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
