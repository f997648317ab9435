package io.tenantry.adapters.web.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.Claim;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.auth0.jwt.interfaces.ECDSAKeyProvider;
import com.auth0.jwt.interfaces.RSAKeyProvider;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tenantry.kernel.context.TenantId;
import io.tenantry.kernel.context.TenantIdentity;
import io.tenantry.kernel.context.Tier;

import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Turns an {@code Authorization} header into an identity, or refuses. The only source of identity: the tenant,
 * tier and roles come from the signed claims of a token verified with the pinned algorithm, the required
 * {@code iss}, {@code aud}, {@code exp} and {@code iat}, and a small leeway. Headers like {@code jku} or {@code jwk}
 * are never followed.
 *
 * <p>Following RFC 8725, a verified token is also refused when it lives longer ({@code exp - iat}) than the
 * configured maximum, so an issuer cannot mint a token that outlives a key rotation or a revocation by months; when
 * its {@code typ} header is present but names something other than a JWT or an access token (another kind of JWT
 * signed with the same key must not pass as one); and when its {@code kid} header names no configured key. HS256 has
 * one secret and no key ids, so an HS256 token carrying a {@code kid} is refused: whoever set it expected a key
 * selection that does not happen here.
 *
 * <p>A client sends the same token with every request until it expires, and verifying it (parsing three segments,
 * JSON, a signature: several microseconds with HS256, far more with RS256) is a large part of a cheap request. So an
 * accepted token is remembered, keyed by the whole token text, and answered from memory until its {@code exp} (never
 * into the leeway, which only a full verification grants). Only accepted tokens are kept, bounded by their total
 * length; the memory belongs to this verifier and its keys, so a verifier built with rotated keys starts empty and
 * re-verifies every token.
 */
public final class TokenVerifier {

    /** Longer tokens are refused before any parsing. */
    public static final int MAX_TOKEN_LENGTH = 8_192;

    /** {@code typ} values accepted (compared lower-cased): a plain JWT or an RFC 9068 access token. */
    private static final Set<String> ACCEPTED_TYPES = Set.of("jwt", "at+jwt", "application/at+jwt");

    /** The accepted tokens remembered at most, in characters of token text (about 8 MiB of strings). */
    static final long REMEMBERED_TOKEN_CHARS = 4L << 20;

    private final JWTVerifier verifier;
    private final Set<String> keyIds;
    private final Duration maxLifetime;
    private final Clock clock;
    private final Cache<String, Accepted> accepted = Caffeine.newBuilder()
            .maximumWeight(REMEMBERED_TOKEN_CHARS).weigher((String token, Accepted identity) -> token.length()).build();

    /** A verified token's identity, good until the token's {@code exp}. */
    private record Accepted(Authentication.Authenticated authentication, Instant expires) {
    }

    public TokenVerifier(JwtSettings settings) {
        this(settings, Clock.systemUTC());
    }

    /** Verifies against {@code clock}'s time (tests move it). */
    public TokenVerifier(JwtSettings settings, Clock clock) {
        this.keyIds = settings.publicKeys().keySet();
        this.maxLifetime = settings.maxLifetime();
        this.clock = clock;
        this.verifier = ((JWTVerifier.BaseVerification) JWT.require(algorithm(settings))
                .withIssuer(settings.issuer())
                .withAudience(settings.audience())
                .withClaimPresence("exp")
                .withClaimPresence("iat")
                .withClaimPresence("sub")
                .acceptLeeway(settings.leeway().toSeconds()))
                .build(clock);
    }

    public Authentication verify(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return new Authentication.Rejected("no bearer token");
        }
        String token = authorization.substring(7).strip();
        if (token.length() > MAX_TOKEN_LENGTH) {
            return new Authentication.Rejected("token too long");
        }
        Accepted remembered = accepted.getIfPresent(token);
        if (remembered != null) {
            if (clock.instant().isBefore(remembered.expires())) {
                return remembered.authentication();
            }
            accepted.invalidate(token);
        }
        return verifyInFull(token);
    }

    /** How many accepted tokens are remembered now (tests). */
    long rememberedTokens() {
        accepted.cleanUp();
        return accepted.estimatedSize();
    }

    private Authentication verifyInFull(String token) {
        if (token.chars().filter(c -> c == '.').count() != 2) {
            return new Authentication.Rejected("not a signed JWT (three segments)");
        }
        DecodedJWT jwt;
        try {
            jwt = verifier.verify(token);
        } catch (JWTVerificationException | IllegalArgumentException e) {
            return new Authentication.Rejected("verification failed: " + e.getClass().getSimpleName());
        }
        Optional<String> refusal = headerRefusal(jwt).or(() -> lifetimeRefusal(jwt));
        if (refusal.isPresent()) {
            return new Authentication.Rejected(refusal.get());
        }
        Optional<TenantIdentity> identity = identity(jwt);
        if (identity.isEmpty()) {
            return new Authentication.Rejected("missing or malformed tenancy claims");
        }
        Authentication.Authenticated authenticated = new Authentication.Authenticated(identity.get());
        accepted.put(token, new Accepted(authenticated, jwt.getExpiresAtAsInstant()));
        return authenticated;
    }

    private Optional<String> headerRefusal(DecodedJWT jwt) {
        Claim type = jwt.getHeaderClaim("typ");
        if (!type.isMissing() && !isOneOf(lowerCase(string(type)), ACCEPTED_TYPES)) {
            return Optional.of("typ is not JWT or at+jwt");
        }
        Claim kid = jwt.getHeaderClaim("kid");
        if (!kid.isMissing() && !isOneOf(string(kid), keyIds)) {
            return Optional.of("kid names no configured key");
        }
        return Optional.empty();
    }

    /** Null-safe: the immutable sets here refuse {@code contains(null)}. */
    private static boolean isOneOf(String value, Set<String> values) {
        return value != null && values.contains(value);
    }

    /** Absent {@code exp} or {@code iat} are refused with the claims, not here. */
    private Optional<String> lifetimeRefusal(DecodedJWT jwt) {
        Instant issued = jwt.getIssuedAtAsInstant();
        Instant expires = jwt.getExpiresAtAsInstant();
        if (issued != null && expires != null && Duration.between(issued, expires).compareTo(maxLifetime) > 0) {
            return Optional.of("lifetime (exp - iat) above " + maxLifetime.toSeconds() + " s");
        }
        return Optional.empty();
    }

    private static String lowerCase(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }

    private static Optional<TenantIdentity> identity(DecodedJWT jwt) {
        String tenant = string(jwt.getClaim("tenantId"));
        Optional<Tier> tier = Optional.ofNullable(string(jwt.getClaim("tier"))).flatMap(Tier::fromWireName);
        Optional<Set<String>> roles = roles(jwt.getClaim("roles"));
        String subject = jwt.getSubject();
        if (jwt.getExpiresAtAsInstant() == null || jwt.getIssuedAtAsInstant() == null) {
            return Optional.empty();
        }
        if (!TenantId.isValid(tenant) || tier.isEmpty() || roles.isEmpty() || subject == null || subject.isBlank()
                || subject.length() > 256) {
            return Optional.empty();
        }
        return Optional.of(new TenantIdentity(TenantId.of(tenant), tier.get(), subject, roles.get()));
    }

    /** A claim that is a JSON string, or null when absent or of another type. */
    private static String string(Claim claim) {
        if (claim.isMissing() || claim.isNull()) {
            return null;
        }
        Object value = claim.as(Object.class);
        return value instanceof String text ? text : null;
    }

    private static Optional<Set<String>> roles(Claim claim) {
        if (claim.isMissing() || claim.isNull() || !(claim.as(Object.class) instanceof List<?> values)) {
            return Optional.empty();
        }
        Set<String> roles = new HashSet<>();
        for (Object value : values) {
            if (!(value instanceof String role) || role.isBlank() || role.length() > 64) {
                return Optional.empty();
            }
            roles.add(role);
        }
        return Optional.of(roles);
    }

    private static Algorithm algorithm(JwtSettings settings) {
        return switch (settings.algorithm()) {
            case HS256 -> Algorithm.HMAC256(settings.hmacSecret());
            case RS256 -> Algorithm.RSA256(new RSAKeyProvider() {
                @Override
                public RSAPublicKey getPublicKeyById(String kid) {
                    return kid == null ? null : (RSAPublicKey) settings.publicKeys().get(kid);
                }

                @Override
                public RSAPrivateKey getPrivateKey() {
                    return null;
                }

                @Override
                public String getPrivateKeyId() {
                    return null;
                }
            });
            case ES256 -> Algorithm.ECDSA256(new ECDSAKeyProvider() {
                @Override
                public ECPublicKey getPublicKeyById(String kid) {
                    return kid == null ? null : (ECPublicKey) settings.publicKeys().get(kid);
                }

                @Override
                public ECPrivateKey getPrivateKey() {
                    return null;
                }

                @Override
                public String getPrivateKeyId() {
                    return null;
                }
            });
        };
    }
}
