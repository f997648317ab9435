package io.tenantry.adapters.web.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import io.tenantry.kernel.context.TenantIdentity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Mints HS256 tokens with the development secret, for the {@code token} command, the demo tokens {@code serve}
 * prints and the tests. Production tokens come from an identity provider signing with RS256 or ES256. A lifetime
 * above the configured maximum is refused here rather than minting a token the server would refuse.
 */
public final class DevelopmentTokens {

    private final JwtSettings settings;
    private final Clock clock;

    public DevelopmentTokens(JwtSettings settings, Clock clock) {
        if (settings.algorithm() != JwtSettings.Algorithm.HS256) {
            throw new IllegalArgumentException("development tokens are HS256 only");
        }
        this.settings = settings;
        this.clock = clock;
    }

    public String mint(TenantIdentity identity, Duration ttl) {
        if (ttl.toSeconds() < 1 || ttl.compareTo(settings.maxLifetime()) > 0) {
            throw new IllegalArgumentException("a token lives 1 to " + settings.maxLifetime().toSeconds()
                    + " seconds (TENANTRY_JWT_MAX_LIFETIME_SECONDS)");
        }
        Instant now = clock.instant();
        return JWT.create()
                .withIssuer(settings.issuer())
                .withAudience(settings.audience())
                .withSubject(identity.subject())
                .withIssuedAt(now)
                .withExpiresAt(now.plus(ttl))
                .withClaim("tenantId", identity.tenant().value())
                .withClaim("tier", identity.tier().wireName())
                .withClaim("roles", List.copyOf(identity.roles()))
                .sign(Algorithm.HMAC256(settings.hmacSecret()));
    }
}
