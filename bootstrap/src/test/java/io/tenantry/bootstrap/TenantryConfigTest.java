package io.tenantry.bootstrap;

import io.tenantry.adapters.web.auth.JwtSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    void operationBudgetsAreConfigurablePerTierInTheSameWindow() {
        var limits = load(Map.of("TENANTRY_LIMIT_ORDERS_PLACE_PRO", "7", "TENANTRY_LIMIT_FILES_STORE_FREE", "2",
                "TENANTRY_LIMIT_WINDOW_SECONDS", "30")).limits();
        var pro = io.tenantry.kernel.context.Tier.PRO;
        var free = io.tenantry.kernel.context.Tier.FREE;
        assertEquals(new io.tenantry.kernel.limits.Budget(7, Duration.ofSeconds(30)),
                limits.budgetFor(io.tenantry.kernel.limits.TierLimits.PLACE_ORDER, pro).orElseThrow());
        assertEquals(new io.tenantry.kernel.limits.Budget(2, Duration.ofSeconds(30)),
                limits.budgetFor(io.tenantry.kernel.limits.TierLimits.STORE_FILE, free).orElseThrow());
        assertEquals(new io.tenantry.kernel.limits.Budget(50, Duration.ofSeconds(30)),
                limits.budgetFor(io.tenantry.kernel.limits.TierLimits.PLACE_ORDER, free).orElseThrow(), "the default");
    }

    @Test
    void theMaximumTokenLifetimeIsConfigurable() {
        assertEquals(Duration.ofHours(1),
                load(Map.of("TENANTRY_JWT_MAX_LIFETIME_SECONDS", "3600")).web().jwt().maxLifetime());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> load(Map.of("TENANTRY_JWT_MAX_LIFETIME_SECONDS", "0")));
        assertTrue(refused.getMessage().startsWith("TENANTRY_JWT_MAX_LIFETIME_SECONDS must be"), refused.getMessage());
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

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "127.255.255.254", "localhost", "LocalHost", "::1", "[::1]",
            "0:0:0:0:0:0:0:1"})
    void theDevelopmentSecretServesAnEmbeddedDatabaseOnLoopback(String host) {
        TenantryConfig config = load(Map.of("TENANTRY_HTTP_HOST", host));
        assertTrue(config.embedded());
        assertTrue(config.developmentSecret(), host);
        assertTrue(load(Map.of("TENANTRY_HTTP_HOST", host, "TENANTRY_JWT_SECRET", TenantryConfig.DEVELOPMENT_SECRET))
                .developmentSecret(), "configured explicitly, on loopback, it is accepted too");
    }

    @Test
    void theDefaultHostIsLoopbackSoTheEmbeddedDefaultsNeedNoSecret() {
        assertTrue(load(Map.of()).developmentSecret());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "::", "[::]", "192.168.1.10", "10.0.0.1", "fe80::1", "::ffff:10.0.0.1",
            "example.com", "localhost.example.com", "127.0.0.1.nip.io", "128.0.0.1"})
    void anEmbeddedDatabaseOffLoopbackNeedsASecretOfItsOwn(String host) {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> load(Map.of("TENANTRY_HTTP_HOST", host)), host);
        assertTrue(missing.getMessage().contains("TENANTRY_JWT_SECRET"), missing.getMessage());
        IllegalArgumentException development = assertThrows(IllegalArgumentException.class,
                () -> load(Map.of("TENANTRY_HTTP_HOST", host, "TENANTRY_JWT_SECRET", TenantryConfig.DEVELOPMENT_SECRET)));
        assertTrue(development.getMessage().contains("development secret"), development.getMessage());
        TenantryConfig own = load(Map.of("TENANTRY_HTTP_HOST", host, "TENANTRY_JWT_SECRET", SECRET));
        assertTrue(own.embedded(), "positive control: with a secret of its own it starts");
        assertFalse(own.developmentSecret());
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "localhost", "::1", "0.0.0.0"})
    void aConfiguredDatabaseRefusesTheDevelopmentSecretOnAnyHost(String host) {
        String database = "jdbc:postgresql://db/x";
        assertThrows(IllegalArgumentException.class, () -> load(Map.of("TENANTRY_DB_URL", database, "TENANTRY_HTTP_HOST", host)),
                "no secret");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> load(Map.of(
                "TENANTRY_DB_URL", database, "TENANTRY_HTTP_HOST", host, "TENANTRY_JWT_SECRET", TenantryConfig.DEVELOPMENT_SECRET)));
        assertTrue(refused.getMessage().contains("development secret"), refused.getMessage());
        assertFalse(load(Map.of("TENANTRY_DB_URL", database, "TENANTRY_HTTP_HOST", host, "TENANTRY_JWT_SECRET", SECRET))
                .developmentSecret(), "positive control: a secret of its own is accepted");
    }

    @Test
    void theConnectionCapCountsTheSharedPoolsFirstAndRefusesACapThatLeavesNoRoom() {
        assertEquals(TenantryConfig.Dedicated.UNCAPPED, load(Map.of()).dedicated().maxConnections(), "no cap unless set");
        TenantryConfig capped = load(Map.of("TENANTRY_DB_URL", "jdbc:postgresql://unused/x", "TENANTRY_JWT_SECRET", SECRET,
                "TENANTRY_DB_MAX_CONNECTIONS", "30", "TENANTRY_DEDICATED_POOL_SIZE", "3"));
        assertEquals(30, capped.dedicated().maxConnections());
        assertEquals(3, capped.dedicated().poolSize());
        var shared = capped.database().orElseThrow();
        assertEquals(30 - shared.appPoolSize() - shared.bypassPoolSize(),
                DatabaseRuntime.budgetLeftAfter(shared, capped.dedicated(), 30),
                "the tenants' databases get what the shared pools leave");
        int justTooFew = shared.appPoolSize() + shared.bypassPoolSize() + 3;
        IllegalArgumentException tooSmall = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> DatabaseRuntime.budgetLeftAfter(shared, capped.dedicated(), justTooFew));
        assertTrue(tooSmall.getMessage().contains("a tenant's own database needs 4"), tooSmall.getMessage());
        assertEquals(4, DatabaseRuntime.budgetLeftAfter(shared, capped.dedicated(), justTooFew + 1),
                "positive control: room for one pool of 3 and its bypass connection");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> load(Map.of("TENANTRY_DB_MAX_CONNECTIONS", "0")));
    }
    /**
     * A wrong value is refused before anything starts, by a message that names the setting on one line (which
     * {@code Main} prints as {@code tenantry: ...} with status 2); the same settings with a good value load.
     */
    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "TENANTRY_DB_URL | postgres://db/tenantry | jdbc:postgresql://db/tenantry",
            "TENANTRY_DB_URL | jdbc:mysql://db/tenantry | jdbc:postgresql://db/tenantry",
            "TENANTRY_REDIS_URL | 127.0.0.1:6379 | redis://127.0.0.1:6379",
            "TENANTRY_REDIS_URL | http://cache:6379 | rediss://cache:6380",
            "TENANTRY_REDIS_URL | redis://cache | redis://redis_cache:6379",
            "TENANTRY_REDIS_URL | redis:/cache:6379 | valkey://:p@ss@[::1]:6379/2",
            "TENANTRY_JWT_LEEWAY_SECONDS | 301 | 300",
            "TENANTRY_DB_CHECKOUT_MILLIS | 249 | 250",
            "TENANTRY_LOG_LEVEL | LOUDEST | all",
            "TENANTRY_S3_ENDPOINT | s3 endpoint | http://127.0.0.1:9000",
            "TENANTRY_S3_ENDPOINT | ftp://store | https://s3.eu-west-1.amazonaws.com",
            "TENANTRY_WEBHOOK_URL | hooks.example.com | https://hooks.example.com/tenantry",
            "TENANTRY_JWT_SECRET | too-short-a-secret | a-configured-secret-of-32-bytes-at-least",
            "TENANTRY_JWT_ALGORITHM | HS512 | HS256",
            "TENANTRY_JWT_ALGORITHM | none | HS256",
            "TENANTRY_LIMIT_PRO | -5 | 5",
            "TENANTRY_LIMIT_ORDERS_PLACE_FREE | -1 | 1",
            "TENANTRY_LIMIT_WINDOW_SECONDS | -60 | 60",
            "TENANTRY_QUOTA_FREE_BYTES | -1 | 1",
            "TENANTRY_DB_POOL_SIZE | -2 | 2",
            "TENANTRY_DB_POOL_SIZE | 0 | 1",
            "TENANTRY_DRAIN_SECONDS | -1 | 0",
            "TENANTRY_HTTP_PORT | 70000 | 0",
            "TENANTRY_HTTP_PORT | -1 | 8081",
            "TENANTRY_REDIS_TIMEOUT_MILLIS | -50 | 50",
            "TENANTRY_REDIS_OUTAGE_MODE | fail-open | fail-closed",
            "TENANTRY_TENANT_CACHE_MILLIS | -1 | 0",
            "TENANTRY_LOG_FORMAT | xml | json",
            "TENANTRY_LOG_LEVEL | LOUD | DEBUG",
            "TENANTRY_DB_CREATE_ROLES | yes | false",
            "TENANTRY_STATEMENT_TIMEOUT_PRO_MILLIS | 0 | 1",
    })
    void aWrongValueIsOneLineNamingItsSetting(String key, String wrong, String right) {
        Map<String, String> base = Map.of("TENANTRY_DB_URL", "jdbc:postgresql://db/tenantry", "TENANTRY_JWT_SECRET", SECRET,
                "TENANTRY_REDIS_URL", "redis://127.0.0.1:6379", "TENANTRY_S3_ENDPOINT", "http://127.0.0.1:9000",
                "TENANTRY_S3_ACCESS_KEY", "a", "TENANTRY_S3_SECRET_KEY", "b");
        Map<String, String> bad = new java.util.HashMap<>(base);
        bad.put(key, wrong);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> load(bad));
        assertTrue(refused.getMessage().startsWith(key + " "), refused.getMessage());
        assertFalse(refused.getMessage().contains("\n"), refused.getMessage());
        assertEquals(!key.contains("SECRET"), refused.getMessage().contains(wrong.strip()),
                "says what it was given, but never a secret: " + refused.getMessage());
        Map<String, String> good = new java.util.HashMap<>(base);
        good.put(key, right);
        load(good);
    }

    @Test
    void aRefusedUrlIsEchoedWithItsPasswordMasked() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> load(Map.of(
                "TENANTRY_DB_URL", "postgresql://db/tenantry?user=m&password=hunter2", "TENANTRY_JWT_SECRET", SECRET)));
        assertEquals("TENANTRY_DB_URL must be a PostgreSQL JDBC URL such as jdbc:postgresql://db:5432/tenantry, was"
                + " 'postgresql://db/tenantry?user=m&password=****'", refused.getMessage());
        IllegalArgumentException redis = assertThrows(IllegalArgumentException.class, () -> load(Map.of(
                "TENANTRY_REDIS_URL", "http://default:hunter2@cache:6379")));
        assertFalse(redis.getMessage().contains("hunter2"), redis.getMessage());
    }
}
