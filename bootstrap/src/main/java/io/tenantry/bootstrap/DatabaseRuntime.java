package io.tenantry.bootstrap;

import io.tenantry.adapters.persistence.ConnectionUrls;
import io.tenantry.adapters.persistence.postgres.DedicatedDatabases;
import io.tenantry.adapters.persistence.postgres.EmbeddedDatabase;
import io.tenantry.adapters.persistence.postgres.PostgresPersistence;
import io.tenantry.adapters.persistence.postgres.PostgresSettings;
import io.tenantry.adapters.persistence.postgres.SchemaMigrator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The database the process runs on: the configured PostgreSQL, or an embedded one started from packaged binaries
 * (so row-level security is real even on a laptop). Either way the schema is migrated and the self-check must pass
 * before anything is served.
 */
public final class DatabaseRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseRuntime.class);
    static final Duration IDEMPOTENCY_RETENTION = Duration.ofHours(24);

    private final Optional<EmbeddedDatabase> embedded;
    private final PostgresSettings settings;
    private final PostgresPersistence persistence;
    private final DedicatedDatabases dedicated;

    private DatabaseRuntime(Optional<EmbeddedDatabase> embedded, PostgresSettings settings,
                            TenantryConfig.Dedicated dedicated, boolean migrate, Clock clock) {
        this.embedded = embedded;
        this.settings = settings;
        this.dedicated = new DedicatedDatabases(dedicated.databases(), dedicated.maxOpenPools(), clock, IDEMPOTENCY_RETENTION);
        if (dedicated.maxConnections() != TenantryConfig.Dedicated.UNCAPPED) {
            this.dedicated.capConnections(budgetLeftAfter(settings, dedicated, dedicated.maxConnections()));
        }
        // every instance can serve a tenant moved at run time; only one holding the migrator's login moves one
        this.dedicated.provisioningOn(settings, dedicated.poolSize(), migrate);
        if (migrate) {
            migrate(settings, this.dedicated);
        } else {
            LOG.debug("serving {} as it is migrated (TENANTRY_DB_MIGRATE=false): no migrator login",
                    ConnectionUrls.redacted(settings.url()));
        }
        this.persistence = PostgresPersistence.start(settings, clock, IDEMPOTENCY_RETENTION);
    }

    /**
     * What is left of {@code maxConnections} for the tenants' own databases once the shared pools are counted; it
     * must hold the pools of the largest of them, or that tenant could never be served.
     */
    static int budgetLeftAfter(PostgresSettings shared, TenantryConfig.Dedicated dedicated, int maxConnections) {
        int left = maxConnections - shared.appPoolSize() - shared.bypassPoolSize();
        int largest = dedicated.databases().values().stream()
                .mapToInt(database -> database.appPoolSize() + database.bypassPoolSize())
                .reduce(dedicated.poolSize() + 1, Math::max);
        if (left < largest) {
            throw new IllegalArgumentException("TENANTRY_DB_MAX_CONNECTIONS=" + maxConnections + " leaves " + left
                    + " connections beside the shared database's pools (" + shared.appPoolSize() + " + "
                    + shared.bypassPoolSize() + "); a tenant's own database needs " + largest);
        }
        return left;
    }

    /** Migrates the shared database and every dedicated one, as the migrator; returns how many migrations ran. */
    static int migrate(PostgresSettings settings, DedicatedDatabases dedicated) {
        int migrations = new SchemaMigrator(settings).migrate();
        LOG.info("database ready at {} ({} migrations applied)", ConnectionUrls.redacted(settings.url()), migrations);
        dedicated.migrate();
        return migrations;
    }

    public static DatabaseRuntime start(TenantryConfig config, Clock clock) {
        if (config.database().isPresent()) {
            return new DatabaseRuntime(Optional.empty(), config.database().get(), config.dedicated(),
                    config.migrateOnServe(), clock);
        }
        EmbeddedDatabase server = EmbeddedDatabase.start(config.dataDirectory().orElse(null));
        try {
            server.createDatabase("tenantry");
            PostgresSettings settings = new PostgresSettings(server.jdbcUrl("tenantry"),
                    new PostgresSettings.Login("postgres", "postgres"),
                    new PostgresSettings.Login("tenantry_app", "tenantry-app"),
                    new PostgresSettings.Login("tenantry_bypass", "tenantry-bypass"), 10, 2, true);
            return new DatabaseRuntime(Optional.of(server), settings, TenantryConfig.Dedicated.none(), true, clock);
        } catch (RuntimeException failure) {
            server.close();
            throw failure;
        }
    }

    public PostgresPersistence persistence() {
        return persistence;
    }

    public PostgresSettings settings() {
        return settings;
    }

    /** The tenants' own databases (none unless configured or provisioned). */
    public DedicatedDatabases dedicated() {
        return dedicated;
    }

    @Override
    public void close() {
        dedicated.close();
        persistence.close();
        embedded.ifPresent(EmbeddedDatabase::close);
    }
}
