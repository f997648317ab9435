package io.tenantry.bootstrap;

import io.tenantry.adapters.persistence.postgres.PostgresSettings;
import io.tenantry.adapters.persistence.postgres.TestDatabase;
import io.tenantry.kernel.context.Tier;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The production layout: {@code migrate} runs with the migrator's credentials, {@code serve} with only the
 * application and bypass roles, so the serving process cannot disable row-level security or the audit trigger.
 */
class ProductionLayoutTest {

    @Test
    void serveNeedsNoMigratorLoginWhenMigrationsAreAppliedSeparately() {
        try (TestDatabase database = TestDatabase.migrated(2)) {
            PostgresSettings direct = database.settings();
            PostgresSettings withoutMigrator = new PostgresSettings(direct.url(),
                    new PostgresSettings.Login("no_such_migrator", "unknown"), direct.app(), direct.bypass(), 2, 1, false);
            TenantryConfig base = TestServer.get().config();
            TenantryConfig serveOnly = configWith(base, withoutMigrator, false);
            TestServer server = new TestServer(database, Tenantry.start(serveOnly));
            try {
                TestServer.TestTenant tenant = server.newTenant(Tier.PRO);
                assertEquals(201, server.api.post("/api/orders", tenant.member(), Json.order("served")).status());
            } finally {
                server.tenantry.close();
            }
            RuntimeException refused = assertThrows(RuntimeException.class,
                    () -> Tenantry.start(configWith(base, withoutMigrator, true)).close(),
                    "positive control: migrating on serve does log in as the migrator");
            assertTrue(refused.toString().contains("no_such_migrator") || String.valueOf(refused.getCause()).contains("no_such_migrator"),
                    refused.toString());
        }
    }

    @Test
    void migrateOnServeCanBeSwitchedOffButNotForTheEmbeddedDatabase() {
        Map<String, String> external = Map.of("TENANTRY_DB_URL", "jdbc:postgresql://db/x", "TENANTRY_JWT_SECRET",
                TestServer.SECRET, "TENANTRY_DB_MIGRATE", "false");
        assertFalse(TenantryConfig.load(new ConfigSource(external)).migrateOnServe());
        assertTrue(TenantryConfig.load(new ConfigSource(Map.of("TENANTRY_DB_URL", "jdbc:postgresql://db/x",
                "TENANTRY_JWT_SECRET", TestServer.SECRET))).migrateOnServe(), "migrates by default");
        assertTrue(TenantryConfig.load(new ConfigSource(Map.of("TENANTRY_DB_MIGRATE", "false"))).migrateOnServe(),
                "the embedded database always migrates itself");
    }

    private static TenantryConfig configWith(TenantryConfig base, PostgresSettings database, boolean migrate) {
        return new TenantryConfig(base.web(), Optional.of(database), Optional.empty(), false, base.tenantCacheAge(),
                Optional.empty(), base.limits(), base.storageRoot(), Optional.empty(), TenantryConfig.Dedicated.none(),
                base.uploads(), base.quotas(), migrate);
    }
}
