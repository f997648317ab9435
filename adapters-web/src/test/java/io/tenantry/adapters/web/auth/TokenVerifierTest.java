package io.tenantry.adapters.web.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import io.tenantry.kernel.context.TenantIdentity;
import io.tenantry.kernel.context.Tier;
import io.tenantry.kernel.testing.TwoTenants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * Every forged or malformed token is rejected, and the genuine one beside it is accepted (positive control); so are
 * tokens that are genuine but break the RFC 8725 rules (too long a lifetime, another {@code typ}, a {@code kid}
 * naming no key).
 */
class TokenVerifierTest {

    private static final String SECRET = "a-development-secret-of-32-bytes-at-least";
    private static final JwtSettings HS256 = JwtSettings.hs256(SECRET, "tenantry", "tenantry-api");
    private static final TokenVerifier VERIFIER = new TokenVerifier(HS256);
    private static final Algorithm SIGNER = Algorithm.HMAC256(SECRET);

    private static com.auth0.jwt.JWTCreator.Builder valid() {
        Instant now = Instant.now();
        return JWT.create().withIssuer("tenantry").withAudience("tenantry-api").withSubject("alice")
                .withIssuedAt(now).withExpiresAt(now.plusSeconds(300))
                .withClaim("tenantId", "tenant-a").withClaim("tier", "pro").withClaim("roles", List.of("member"));
    }

    @Test
    void aGenuineTokenYieldsItsIdentity() {
        Authentication result = VERIFIER.verify("Bearer " + valid().sign(SIGNER));
        TenantIdentity identity = assertInstanceOf(Authentication.Authenticated.class, result).identity();
        assertEquals(TwoTenants.A, identity.tenant());
        assertEquals(Tier.PRO, identity.tier());
        assertEquals("alice", identity.subject());
        assertEquals(java.util.Set.of("member"), identity.roles());
    }

    @Test
    void developmentTokensVerify() {
        String token = new DevelopmentTokens(HS256, Clock.systemUTC()).mint(TwoTenants.OWNER_A, Duration.ofMinutes(5));
        assertEquals(TwoTenants.OWNER_A, ((Authentication.Authenticated) VERIFIER.verify("Bearer " + token)).identity());
    }

    static Stream<String> forgeries() throws Exception {
        String genuine = valid().sign(SIGNER);
        String[] parts = genuine.split("\\.");
        Instant now = Instant.now();
        String tampered = parts[0] + "." + b64(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("tenant-a", "tenant-b")) + "." + parts[2];
        KeyPair rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        return Stream.of(
                "Bearer " + unsigned("none", parts[1]),
                "Bearer " + unsigned("None", parts[1]),
                "Bearer " + unsigned("NONE", parts[1]),
                "Bearer " + unsigned("nOnE", parts[1]),
                "Bearer " + tampered,
                "Bearer " + valid().sign(Algorithm.HMAC256("another-secret-that-is-32-bytes-long!!")),
                "Bearer " + valid().sign(Algorithm.HMAC384(SECRET)),
                "Bearer " + valid().sign(Algorithm.RSA256((RSAPublicKey) rsa.getPublic(), (RSAPrivateKey) rsa.getPrivate())),
                "Bearer " + valid().withHeader(Map.of("jku", "http://127.0.0.1:1/keys", "kid", "x"))
                        .sign(Algorithm.HMAC256("attacker-secret-that-is-32-bytes-long")),
                "Bearer " + valid().withHeader(Map.of("jwk", Map.of("kty", "oct", "k",
                                Base64.getUrlEncoder().withoutPadding().encodeToString("attacker-secret-that-is-32-bytes-long".getBytes(StandardCharsets.UTF_8)))))
                        .sign(Algorithm.HMAC256("attacker-secret-that-is-32-bytes-long")),
                "Bearer " + JWT.create().withIssuer("tenantry").withAudience("tenantry-api").withSubject("a").withIssuedAt(now)
                        .withClaim("tenantId", "tenant-a").withClaim("tier", "pro").withClaim("roles", List.of("member")).sign(SIGNER),
                "Bearer " + valid().withExpiresAt(now.minusSeconds(120)).sign(SIGNER),
                "Bearer " + valid().withNotBefore(now.plusSeconds(600)).sign(SIGNER),
                "Bearer " + valid().withIssuer("someone-else").sign(SIGNER),
                "Bearer " + valid().withIssuer(null).sign(SIGNER),
                "Bearer " + valid().withAudience("other-api").sign(SIGNER),
                "Bearer " + valid().withAudience((String[]) null).sign(SIGNER),
                "Bearer " + valid().withClaim("tenantId", (String) null).sign(SIGNER),
                "Bearer " + valid().withClaim("tenantId", 42).sign(SIGNER),
                "Bearer " + valid().withClaim("tenantId", "Tenant A").sign(SIGNER),
                "Bearer " + valid().withClaim("tier", "gold").sign(SIGNER),
                "Bearer " + valid().withClaim("tier", 1).sign(SIGNER),
                "Bearer " + valid().withClaim("roles", "member").sign(SIGNER),
                "Bearer " + valid().withClaim("roles", List.of(1, 2)).sign(SIGNER),
                "Bearer " + valid().withClaim("roles", (String) null).sign(SIGNER),
                "Bearer " + valid().withSubject(null).sign(SIGNER),
                "Bearer " + valid().withIssuedAt((Instant) null).sign(SIGNER),
                "Bearer " + valid().withExpiresAt((Instant) null).sign(SIGNER),
                "Bearer " + parts[0] + "." + parts[1],
                "Bearer " + genuine + ".extra",
                "Bearer " + parts[0] + ".%%%notbase64%%%." + parts[2],
                "Bearer " + "x".repeat(64 * 1024),
                "Bearer ",
                "Basic dXNlcjpwYXNz",
                genuine,
                "");
    }

    @ParameterizedTest
    @MethodSource("forgeries")
    void forgedOrMalformedTokensAreRejected(String authorization) {
        assertInstanceOf(Authentication.Rejected.class, VERIFIER.verify(authorization));
    }

    @Test
    void noHeaderIsRejected() {
        assertInstanceOf(Authentication.Rejected.class, VERIFIER.verify(null));
    }

    @Test
    void rs256PicksTheKeyByKidAndRotates() throws Exception {
        KeyPair current = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        KeyPair next = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        JwtSettings settings = new JwtSettings(JwtSettings.Algorithm.RS256, null,
                Map.of("2026-10", current.getPublic(), "2026-11", next.getPublic()), "tenantry", "tenantry-api",
                Duration.ofSeconds(30), JwtSettings.DEFAULT_MAX_LIFETIME);
        TokenVerifier rs256 = new TokenVerifier(settings);
        assertInstanceOf(Authentication.Authenticated.class, rs256.verify("Bearer " + valid().withKeyId("2026-10").sign(rsa(current))));
        assertInstanceOf(Authentication.Authenticated.class, rs256.verify("Bearer " + valid().withKeyId("2026-11").sign(rsa(next))));
        assertInstanceOf(Authentication.Rejected.class, rs256.verify("Bearer " + valid().withKeyId("2026-10").sign(rsa(next))),
                "a kid must name the key that signed");
        assertInstanceOf(Authentication.Rejected.class, rs256.verify("Bearer " + valid().withKeyId("../../etc/passwd").sign(rsa(current))));
        assertInstanceOf(Authentication.Rejected.class, rs256.verify("Bearer " + valid().sign(rsa(current))), "no kid");
        byte[] publicKeyBytes = current.getPublic().getEncoded();
        assertInstanceOf(Authentication.Rejected.class, rs256.verify("Bearer " + valid().withKeyId("2026-10")
                .sign(Algorithm.HMAC256(publicKeyBytes))), "HS256 signed with the public key must not pass as RS256");
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(publicKeyBytes) + "\n-----END PUBLIC KEY-----\n";
        assertInstanceOf(Authentication.Rejected.class, rs256.verify("Bearer " + valid().withKeyId("2026-10")
                .sign(Algorithm.HMAC256(pem))));
    }

    @Test
    void es256VerifiesByKidAndRefusesOtherKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
        KeyPair key = generator.generateKeyPair();
        KeyPair stranger = generator.generateKeyPair();
        TokenVerifier es256 = new TokenVerifier(new JwtSettings(JwtSettings.Algorithm.ES256, null,
                Map.of("ec-1", key.getPublic()), "tenantry", "tenantry-api", Duration.ofSeconds(30),
                JwtSettings.DEFAULT_MAX_LIFETIME));
        assertInstanceOf(Authentication.Authenticated.class, es256.verify("Bearer " + valid().withKeyId("ec-1").sign(ec(key))));
        assertInstanceOf(Authentication.Rejected.class, es256.verify("Bearer " + valid().withKeyId("ec-1").sign(ec(stranger))));
        assertInstanceOf(Authentication.Rejected.class, es256.verify("Bearer " + valid().withKeyId("ec-1").sign(SIGNER)),
                "an HS256 token never passes an ES256 verifier");
    }

    private static Algorithm ec(KeyPair pair) {
        return Algorithm.ECDSA256((java.security.interfaces.ECPublicKey) pair.getPublic(),
                (java.security.interfaces.ECPrivateKey) pair.getPrivate());
    }

    @Test
    void settingsRefuseWeakSecretsAndWrongKeys() throws Exception {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> JwtSettings.hs256("too-short", "tenantry", "tenantry-api"));
        KeyPair ec = KeyPairGenerator.getInstance("EC").generateKeyPair();
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new JwtSettings(
                JwtSettings.Algorithm.RS256, null, Map.of("k", ec.getPublic()), "i", "a", Duration.ZERO,
                JwtSettings.DEFAULT_MAX_LIFETIME));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new JwtSettings(
                JwtSettings.Algorithm.HS256, SECRET.getBytes(StandardCharsets.UTF_8), Map.of(), "i", "a", Duration.ZERO,
                Duration.ZERO), "a token must be allowed to live at all");
    }

    @Test
    void aTokenLivingLongerThanTheMaximumIsRejected() {
        Duration max = JwtSettings.DEFAULT_MAX_LIFETIME;
        assertInstanceOf(Authentication.Authenticated.class, VERIFIER.verify("Bearer " + living(max).sign(SIGNER)),
                "exactly the maximum passes");
        assertInstanceOf(Authentication.Rejected.class, VERIFIER.verify("Bearer " + living(max.plusSeconds(1)).sign(SIGNER)));
        assertInstanceOf(Authentication.Rejected.class, VERIFIER.verify("Bearer " + living(Duration.ofDays(3650)).sign(SIGNER)),
                "a ten-year token");
    }

    @Test
    void theMaximumLifetimeIsConfigurable() {
        TokenVerifier hourly = new TokenVerifier(new JwtSettings(JwtSettings.Algorithm.HS256,
                SECRET.getBytes(StandardCharsets.UTF_8), Map.of(), "tenantry", "tenantry-api", Duration.ofSeconds(30),
                Duration.ofHours(1)));
        assertInstanceOf(Authentication.Authenticated.class, hourly.verify("Bearer " + living(Duration.ofHours(1)).sign(SIGNER)));
        assertInstanceOf(Authentication.Rejected.class,
                hourly.verify("Bearer " + living(Duration.ofHours(1).plusSeconds(1)).sign(SIGNER)));
    }

    /** The genuine claims, issued this second and expiring {@code lifetime} later. */
    private static com.auth0.jwt.JWTCreator.Builder living(Duration lifetime) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return valid().withIssuedAt(now).withExpiresAt(now.plus(lifetime));
    }

    @Test
    void twelveHourDevelopmentTokensFitTheDefaultMaximum() {
        String token = new DevelopmentTokens(HS256, Clock.systemUTC()).mint(TwoTenants.OWNER_A, Duration.ofHours(12));
        assertInstanceOf(Authentication.Authenticated.class, VERIFIER.verify("Bearer " + token));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"typ\":\"JWT\",", "\"typ\":\"jwt\",",
            "\"typ\":\"at+jwt\",", "\"typ\":\"AT+JWT\",", "\"typ\":\"application/at+jwt\",",
            "\"typ\":\"Application/AT+JWT\",", ""})
    void aJwtOrAccessTokenTypOrNoneIsAccepted(String typ) {
        assertInstanceOf(Authentication.Authenticated.class,
                VERIFIER.verify("Bearer " + withHeader("{" + typ + "\"alg\":\"HS256\"}")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"secevent+jwt\"", "\"application/secevent+jwt\"",
            "\"dpop+jwt\"", "\"id_token+jwt\"", "\"JOSE\"", "\"application/jwt+json\"", "\"JWT \"", "\"\"", "42",
            "null", "[\"JWT\"]", "{\"typ\":\"JWT\"}"})
    void anyOtherTypIsRejected(String typ) {
        assertInstanceOf(Authentication.Rejected.class,
                VERIFIER.verify("Bearer " + withHeader("{\"typ\":" + typ + ",\"alg\":\"HS256\"}")));
    }

    @Test
    void anHs256TokenWithAKidIsRejected() {
        assertInstanceOf(Authentication.Authenticated.class, VERIFIER.verify("Bearer " + withHeader(
                "{\"typ\":\"JWT\",\"alg\":\"HS256\"}")), "positive control: the same token without a kid");
        assertInstanceOf(Authentication.Rejected.class, VERIFIER.verify("Bearer " + valid().withKeyId("default").sign(SIGNER)));
        assertInstanceOf(Authentication.Rejected.class, VERIFIER.verify("Bearer " + withHeader(
                "{\"typ\":\"JWT\",\"alg\":\"HS256\",\"kid\":\"\"}")), "an empty kid");
        assertInstanceOf(Authentication.Rejected.class, VERIFIER.verify("Bearer " + withHeader(
                "{\"typ\":\"JWT\",\"alg\":\"HS256\",\"kid\":null}")), "a null kid");
    }

    @Test
    void aKidMustNameAConfiguredKey() throws Exception {
        KeyPair key = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        TokenVerifier rs256 = new TokenVerifier(new JwtSettings(JwtSettings.Algorithm.RS256, null,
                Map.of("k1", key.getPublic()), "tenantry", "tenantry-api", Duration.ofSeconds(30),
                JwtSettings.DEFAULT_MAX_LIFETIME));
        assertInstanceOf(Authentication.Authenticated.class, rs256.verify("Bearer " + valid().withKeyId("k1").sign(rsa(key))));
        assertInstanceOf(Authentication.Rejected.class, rs256.verify("Bearer " + valid().withKeyId("K1").sign(rsa(key))));
        assertInstanceOf(Authentication.Rejected.class, rs256.verify("Bearer " + valid().withKeyId("k2").sign(rsa(key))));
    }

    /** The genuine claims under a header written verbatim, signed with the right secret. */
    private static String withHeader(String headerJson) {
        String payload = valid().sign(SIGNER).split("\\.")[1];
        String header = b64(headerJson);
        byte[] signature = SIGNER.sign(header.getBytes(StandardCharsets.US_ASCII), payload.getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }

    private static Algorithm rsa(KeyPair pair) {
        return Algorithm.RSA256((RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate());
    }

    private static String unsigned(String algorithm, String payload) {
        return b64("{\"alg\":\"" + algorithm + "\",\"typ\":\"JWT\"}") + "." + payload + ".";
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
