package io.tenantry.bootstrap;

import io.tenantry.adapters.persistence.postgres.PostgresSettings;
import io.tenantry.adapters.persistence.postgres.TestDatabase;
import io.tenantry.adapters.web.WebSettings;
import io.tenantry.adapters.web.auth.DevelopmentTokens;
import io.tenantry.adapters.web.auth.JwtSettings;
import io.tenantry.application.admin.AdminService;
import io.tenantry.application.admin.AdminUseCases.ProvisionTenantCommand;
import io.tenantry.application.file.TierQuotas;
import io.tenantry.application.file.UploadBounds;
import io.tenantry.kernel.context.TenantContext;
import io.tenantry.kernel.context.TenantId;
import io.tenantry.kernel.context.TenantIdentity;
import io.tenantry.kernel.context.Tier;

import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One real Tenantry per test JVM: the Weld container, the HTTP server on a free port and a throwaway PostgreSQL
 * database (the server in TENANTRY_TEST_PG_URL, or embedded). Tests provision tenants of their own, so they never
 * see each other's data.
 */
final class TestServer {

    static final String SECRET = "test-secret-of-at-least-thirty-two-bytes!";
    static final JwtSettings JWT = JwtSettings.hs256(SECRET, "tenantry", "tenantry-api");

    private static TestServer shared;

    final TestDatabase database;
    final Tenantry tenantry;
    private TenantryConfig config;
    final DevelopmentTokens tokens;
    final Api api;
    final TestTenant operator;

    TestServer(TestDatabase database, Tenantry tenantry) {
        this.database = database;
        this.tenantry = tenantry;
        this.tokens = new DevelopmentTokens(JWT, Clock.systemUTC());
        this.api = new Api("http://127.0.0.1:" + tenantry.port());
        TenantContext.run(DemoData.OPERATOR, () -> tenantry.bean(AdminService.class)
                .provision(new ProvisionTenantCommand(DemoData.PLATFORM, "Platform", Tier.ENTERPRISE)));
        this.operator = new TestTenant(DemoData.PLATFORM, Tier.ENTERPRISE, this);
    }

    static synchronized TestServer get() {
        if (shared == null) {
            // the shared server tests behaviour, not deadlines: its small pool may make concurrent tests wait a turn
            TestDatabase database = TestDatabase.create(4);
            PostgresSettings direct = database.settings();
            PostgresSettings patient = new PostgresSettings(direct.url(), direct.migrator(), direct.app(), direct.bypass(),
                    direct.appPoolSize(), direct.bypassPoolSize(), direct.createRoles(), Duration.ofSeconds(10));
            shared = start(database, patient, Duration.ofMillis(2_000), Optional.empty(),
                    io.tenantry.kernel.limits.TierLimits.defaults(), TenantryConfig.Dedicated.none());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                shared.tenantry.close();
                shared.database.close();
            }, "stop-test-server"));
        }
        return shared;
    }

    static TestServer start(TestDatabase database, Duration tenantCacheAge) {
        return start(database, tenantCacheAge, Optional.empty(), io.tenantry.kernel.limits.TierLimits.defaults());
    }

    /** A server of its own, with a Redis for shared budgets (or none) and the given tier budgets. */
    static TestServer start(TestDatabase database, Duration tenantCacheAge, Optional<String> redis,
                            io.tenantry.kernel.limits.TierLimits limits) {
        return start(database, tenantCacheAge, redis, limits, TenantryConfig.Dedicated.none());
    }

    /** As above, with some tenants on databases of their own. */
    static TestServer start(TestDatabase database, Duration tenantCacheAge, Optional<String> redis,
                            io.tenantry.kernel.limits.TierLimits limits, TenantryConfig.Dedicated dedicated) {
        return start(database, database.settings(), tenantCacheAge, redis, limits, dedicated);
    }

    /** A server that reaches {@code database} as {@code settings} say (through a fault-injecting relay, say). */
    static TestServer start(TestDatabase database, PostgresSettings settings,
                            Duration tenantCacheAge, Optional<String> redis, io.tenantry.kernel.limits.TierLimits limits,
                            TenantryConfig.Dedicated dedicated) {
        return start(database, settings, tenantCacheAge, redis, limits, dedicated, UploadBounds.defaults(),
                TierQuotas.defaults());
    }

    /** A server of its own with the given upload bounds and storage quotas. */
    static TestServer start(TestDatabase database, UploadBounds uploads, TierQuotas quotas) {
        return start(database, database.settings(), Duration.ofMillis(2_000), Optional.empty(),
                io.tenantry.kernel.limits.TierLimits.defaults(), TenantryConfig.Dedicated.none(), uploads, quotas);
    }

    private static TestServer start(TestDatabase database, io.tenantry.adapters.persistence.postgres.PostgresSettings settings,
                                    Duration tenantCacheAge, Optional<String> redis,
                                    io.tenantry.kernel.limits.TierLimits limits, TenantryConfig.Dedicated dedicated,
                                    UploadBounds uploads, TierQuotas quotas) {
        TenantryConfig config = new TenantryConfig(
                new WebSettings("127.0.0.1", 0, WebSettings.ONE_MIB, JWT, Duration.ofSeconds(5), DemoData.PLATFORM,
                WebSettings.TEN_MIB),
                Optional.of(settings), Optional.empty(), false, tenantCacheAge,
                redis.map(io.tenantry.adapters.persistence.redis.RedisSettings::of), limits,
                temporaryStorage(), Optional.empty(), dedicated, uploads, quotas);
        TestServer server = new TestServer(database, Tenantry.start(config));
        server.config = config;
        return server;
    }

    private static java.nio.file.Path temporaryStorage() {
        try {
            return TestFolders.temporary("tenantry-test-storage");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The configuration this server was started with, to start a second instance like it. */
    TenantryConfig config() {
        return config;
    }

    /** A fresh tenant of {@code tier}, provisioned through the admin use case. */
    TestTenant newTenant(Tier tier) {
        TenantId id = TenantId.of("t-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()));
        TenantContext.run(DemoData.OPERATOR, () -> tenantry.bean(AdminService.class)
                .provision(new ProvisionTenantCommand(id, "Tenant " + id, tier)));
        return new TestTenant(id, tier, this);
    }

    String token(TenantId tenant, Tier tier, String... roles) {
        return tokens.mint(new TenantIdentity(tenant, tier, "user@" + tenant, Set.of(roles)), Duration.ofMinutes(30));
    }

    /** The identity of a member of {@code tenant}, for calling ports directly. */
    TenantIdentity identity(TestTenant tenant) {
        return new TenantIdentity(tenant.id(), tenant.tier(), "user@" + tenant.id(), Set.of(TenantIdentity.MEMBER));
    }

    /** A provisioned tenant and tokens for its roles. */
    record TestTenant(TenantId id, Tier tier, TestServer server) {

        String member() {
            return server.token(id, tier, TenantIdentity.MEMBER);
        }

        String owner() {
            return server.token(id, tier, TenantIdentity.MEMBER, TenantIdentity.OWNER);
        }

        String admin() {
            return server.token(id, tier, TenantIdentity.ADMIN);
        }
    }
}
