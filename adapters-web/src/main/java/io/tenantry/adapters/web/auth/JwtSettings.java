package io.tenantry.adapters.web.auth;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How tokens are verified. The algorithm is pinned here, never taken from a token: HS256 with a shared secret of at
 * least 32 bytes for development, or RS256 / ES256 with public keys chosen by the token's {@code kid} (several keys
 * may be configured at once, which is how keys rotate). The maximum lifetime bounds how long a leaked token stays
 * useful, whatever {@code exp} its issuer chose.
 *
 * @param algorithm  the one algorithm accepted
 * @param hmacSecret the HS256 secret (empty for RS256/ES256)
 * @param publicKeys RS256/ES256 keys by {@code kid} (empty for HS256)
 * @param issuer     the required {@code iss}
 * @param audience   the required {@code aud}
 * @param leeway     clock skew tolerated on {@code exp}, {@code nbf} and {@code iat}
 * @param maxLifetime the longest {@code exp - iat} accepted
 */
public record JwtSettings(Algorithm algorithm, byte[] hmacSecret, Map<String, PublicKey> publicKeys, String issuer,
                          String audience, Duration leeway, Duration maxLifetime) {

    /** The algorithms a deployment can pin. */
    public enum Algorithm { HS256, RS256, ES256 }

    public static final int MIN_SECRET_BYTES = 32;

    /** A day: long enough for a working session and the 12-hour demo tokens, short enough to bound a leak. */
    public static final Duration DEFAULT_MAX_LIFETIME = Duration.ofDays(1);

    public JwtSettings {
        Objects.requireNonNull(algorithm, "'algorithm' must not be null");
        Objects.requireNonNull(issuer, "'issuer' must not be null");
        Objects.requireNonNull(audience, "'audience' must not be null");
        Objects.requireNonNull(leeway, "'leeway' must not be null");
        Objects.requireNonNull(maxLifetime, "'maxLifetime' must not be null");
        hmacSecret = hmacSecret == null ? new byte[0] : hmacSecret.clone();
        publicKeys = Map.copyOf(publicKeys == null ? Map.of() : publicKeys);
        if (leeway.isNegative() || leeway.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("'leeway' must be between 0 and 5 minutes");
        }
        if (maxLifetime.toSeconds() < 1) {
            throw new IllegalArgumentException("'maxLifetime' must be at least one second");
        }
        switch (algorithm) {
            case HS256 -> {
                if (hmacSecret.length < MIN_SECRET_BYTES) {
                    throw new IllegalArgumentException("an HS256 secret must be at least " + MIN_SECRET_BYTES + " bytes");
                }
            }
            case RS256 -> requireKeys(publicKeys, RSAPublicKey.class);
            case ES256 -> requireKeys(publicKeys, ECPublicKey.class);
        }
    }

    /** Development settings: HS256 with {@code secret}, the default leeway and maximum lifetime. */
    public static JwtSettings hs256(String secret, String issuer, String audience) {
        return new JwtSettings(Algorithm.HS256, secret.getBytes(StandardCharsets.UTF_8), Map.of(), issuer, audience,
                Duration.ofSeconds(30), DEFAULT_MAX_LIFETIME);
    }

    private static void requireKeys(Map<String, PublicKey> keys, Class<? extends PublicKey> type) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one public key (by kid) is required");
        }
        keys.forEach((kid, key) -> {
            if (!type.isInstance(key)) {
                throw new IllegalArgumentException("key '" + kid + "' is not a " + type.getSimpleName());
            }
        });
    }

    @Override
    public String toString() {
        return "JwtSettings[" + algorithm + ", keys=" + publicKeys.keySet() + ", iss=" + issuer + ", aud=" + audience
                + ", maxLifetime=" + maxLifetime + "]";
    }
}
