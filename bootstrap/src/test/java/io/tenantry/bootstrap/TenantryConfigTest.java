package io.tenantry.bootstrap;

import io.tenantry.adapters.web.auth.JwtSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What {@link TenantryConfig#load} makes of the settings it is given, and what it refuses to start with. */
class TenantryConfigTest {

    private static final String SECRET = "a-configured-secret-of-32-bytes-at-least";

    private static TenantryConfig load(Map<String, String> values) {
        return TenantryConfig.load(new ConfigSource(values));
    }

    @Test
    void tokensLiveAtMostADayByDefault() {
        assertEquals(Duration.ofDays(1), load(Map.of()).web().jwt().maxLifetime());
        assertEquals(JwtSettings.DEFAULT_MAX_LIFETIME, load(Map.of()).web().jwt().maxLifetime());
    }

    @Test
    void theMaximumTokenLifetimeIsConfigurable() {
        assertEquals(Duration.ofHours(1),
                load(Map.of("TENANTRY_JWT_MAX_LIFETIME_SECONDS", "3600")).web().jwt().maxLifetime());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> load(Map.of("TENANTRY_JWT_MAX_LIFETIME_SECONDS", "0")));
        assertTrue(refused.getMessage().contains("maxLifetime"), refused.getMessage());
    }

    @Test
    void theTokenCommandMintsWithinTheMaximumAndRefusesBeyondIt() {
        TenantryConfig config = load(Map.of("TENANTRY_DB_URL", "jdbc:postgresql://unused/x", "TENANTRY_JWT_SECRET", SECRET));
        String[] oneHour = {"--tenant", "acme", "--tier", "pro"};
        assertEquals(3, Main.token(config, oneHour).split("\\.").length, "the default --ttl 3600 fits");
        assertEquals(3, Main.token(config, new String[] {"--tenant", "acme", "--tier", "pro", "--ttl", "86400"})
                .split("\\.").length);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Main.token(config, new String[] {"--tenant", "acme", "--tier", "pro", "--ttl", "86401"}));
        assertTrue(refused.getMessage().contains("TENANTRY_JWT_MAX_LIFETIME_SECONDS"), refused.getMessage());
    }
}
