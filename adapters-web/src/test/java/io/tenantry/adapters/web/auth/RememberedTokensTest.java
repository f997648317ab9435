package io.tenantry.adapters.web.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * The verifier remembers accepted tokens so a client's next request skips the signature check; these tests prove the
 * memory never answers for a token past its {@code exp}, never for a token the current keys do not verify, and
 * never for one it refused.
 */
class RememberedTokensTest {

    private static final String SECRET = "a-development-secret-of-32-bytes-at-least";
    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

    /** A clock the test moves. */
    private static final class MovableClock extends Clock {
        private Instant now = START;

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private static String token(Algorithm signer, String keyId, Duration lifetime) {
        var builder = JWT.create().withIssuer("tenantry").withAudience("tenantry-api").withSubject("alice")
                .withIssuedAt(START).withExpiresAt(START.plus(lifetime))
                .withClaim("tenantId", "tenant-a").withClaim("tier", "pro").withClaim("roles", List.of("member"));
        return "Bearer " + (keyId == null ? builder : builder.withKeyId(keyId)).sign(signer);
    }

    @Test
    void anAcceptedTokenIsRememberedUntilItsExpiryAndRefusedAfterIt() {
        MovableClock clock = new MovableClock();
        JwtSettings settings = new JwtSettings(JwtSettings.Algorithm.HS256, SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of(), "tenantry", "tenantry-api",
                Duration.ZERO, JwtSettings.DEFAULT_MAX_LIFETIME);
        TokenVerifier verifier = new TokenVerifier(settings, clock);
        String token = token(Algorithm.HMAC256(SECRET), null, Duration.ofMinutes(5));

        assertInstanceOf(Authentication.Authenticated.class, verifier.verify(token));
        assertEquals(1, verifier.rememberedTokens(), "the accepted token is remembered");
        clock.advance(Duration.ofMinutes(5).minusSeconds(1));
        assertInstanceOf(Authentication.Authenticated.class, verifier.verify(token), "one second before exp");
        clock.advance(Duration.ofSeconds(2));
        assertInstanceOf(Authentication.Rejected.class, verifier.verify(token), "one second after exp");
        assertEquals(0, verifier.rememberedTokens(), "an expired token is forgotten, not kept refused");
    }

    @Test
    void theLeewayIsGrantedOnlyByAFullVerification() {
        MovableClock clock = new MovableClock();
        JwtSettings settings = new JwtSettings(JwtSettings.Algorithm.HS256, SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of(), "tenantry", "tenantry-api",
                Duration.ofSeconds(30), JwtSettings.DEFAULT_MAX_LIFETIME);
        TokenVerifier verifier = new TokenVerifier(settings, clock);
        String token = token(Algorithm.HMAC256(SECRET), null, Duration.ofMinutes(5));
        assertInstanceOf(Authentication.Authenticated.class, verifier.verify(token));
        clock.advance(Duration.ofMinutes(5).plusSeconds(10));
        assertInstanceOf(Authentication.Authenticated.class, verifier.verify(token), "within the leeway, as without memory");
        clock.advance(Duration.ofSeconds(30));
        assertInstanceOf(Authentication.Rejected.class, verifier.verify(token), "past exp and the leeway");
    }

    @Test
    void aVerifierWithRotatedKeysDoesNotAcceptWhatTheOldOneRemembered() throws Exception {
        KeyPair retired = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        KeyPair current = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        MovableClock clock = new MovableClock();
        TokenVerifier before = new TokenVerifier(rsa(Map.of("old", retired.getPublic(), "new", current.getPublic())), clock);
        TokenVerifier after = new TokenVerifier(rsa(Map.of("new", current.getPublic())), clock);
        String signedWithRetired = token(Algorithm.RSA256((RSAPublicKey) retired.getPublic(),
                (RSAPrivateKey) retired.getPrivate()), "old", Duration.ofMinutes(5));
        String signedWithCurrent = token(Algorithm.RSA256((RSAPublicKey) current.getPublic(),
                (RSAPrivateKey) current.getPrivate()), "new", Duration.ofMinutes(5));

        assertInstanceOf(Authentication.Authenticated.class, before.verify(signedWithRetired));
        assertInstanceOf(Authentication.Authenticated.class, before.verify(signedWithRetired), "remembered");
        assertInstanceOf(Authentication.Rejected.class, after.verify(signedWithRetired), "the retired key is gone");
        assertInstanceOf(Authentication.Authenticated.class, after.verify(signedWithCurrent), "positive control");
    }

    @Test
    void refusedTokensAreNotRemembered() {
        TokenVerifier verifier = new TokenVerifier(JwtSettings.hs256(SECRET, "tenantry", "tenantry-api"), new MovableClock());
        String forged = token(Algorithm.HMAC256("another-secret-of-at-least-32-bytes!!"), null, Duration.ofMinutes(5));
        assertInstanceOf(Authentication.Rejected.class, verifier.verify(forged));
        assertInstanceOf(Authentication.Rejected.class, verifier.verify(forged));
        assertEquals(0, verifier.rememberedTokens());
    }

    private static JwtSettings rsa(Map<String, java.security.PublicKey> keys) {
        return new JwtSettings(JwtSettings.Algorithm.RS256, null, keys, "tenantry", "tenantry-api", Duration.ZERO,
                JwtSettings.DEFAULT_MAX_LIFETIME);
    }
}
