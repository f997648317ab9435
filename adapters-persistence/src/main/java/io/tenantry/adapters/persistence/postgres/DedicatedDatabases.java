package io.tenantry.adapters.persistence.postgres;

import io.tenantry.kernel.context.TenantId;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tenants with a database of their own (the enterprise option). Each such database gets the same schema, roles and
 * row-level security as the shared one, and its own bounded pools, opened on first use. At most {@code maxOpen}
 * tenants' pools are open at once: opening one more closes the least recently used pool that has no connection in
 * use, so the total number of connections stays capped however many tenants have their own database.
 */
public final class DedicatedDatabases implements AutoCloseable {

    private final Map<TenantId, PostgresSettings> settings;
    private final int maxOpen;
    private final Clock clock;
    private final Duration idempotencyRetention;
    private final LinkedHashMap<TenantId, PostgresPersistence> open = new LinkedHashMap<>(16, 0.75f, true);

    public DedicatedDatabases(Map<TenantId, PostgresSettings> settings, int maxOpen, Clock clock,
                              Duration idempotencyRetention) {
        if (maxOpen < 1) {
            throw new IllegalArgumentException("'maxOpen' must be positive");
        }
        this.settings = Map.copyOf(settings);
        this.maxOpen = maxOpen;
        this.clock = clock;
        this.idempotencyRetention = idempotencyRetention;
    }

    /** The tenants that have a database of their own. */
    public Set<TenantId> tenants() {
        return settings.keySet();
    }

    /** Migrates every dedicated database and registers its tenant there (its rows reference it). */
    public void migrate() {
        settings.forEach((tenant, database) -> {
            new SchemaMigrator(database).migrate();
            registerTenant(tenant, database);
        });
    }

    /** The adapters over {@code tenant}'s own database, opening its pools if needed; empty for shared tenants. */
    public synchronized Optional<PostgresPersistence> forTenant(TenantId tenant) {
        PostgresSettings database = settings.get(tenant);
        if (database == null) {
            return Optional.empty();
        }
        PostgresPersistence persistence = open.get(tenant);
        if (persistence == null) {
            evictIdleBeyond(maxOpen - 1);
            persistence = PostgresPersistence.start(database, clock, idempotencyRetention);
            open.put(tenant, persistence);
        }
        return Optional.of(persistence);
    }

    /** How many tenants' pools are open now. */
    public synchronized int openPools() {
        return open.size();
    }

    private void evictIdleBeyond(int keep) {
        var eldestFirst = open.entrySet().iterator();
        while (open.size() > keep && eldestFirst.hasNext()) {
            var entry = eldestFirst.next();
            if (entry.getValue().activeConnections() == 0) {
                entry.getValue().close();
                eldestFirst.remove();
            }
        }
    }

    private static void registerTenant(TenantId tenant, PostgresSettings database) {
        try (Connection owner = DriverManager.getConnection(database.url(), database.migrator().user(),
                database.migrator().password());
             PreparedStatement insert = owner.prepareStatement("INSERT INTO tenants (id, name, tier, status) "
                     + "VALUES (?, ?, 'enterprise', 'active') ON CONFLICT (id) DO NOTHING")) {
            insert.setString(1, tenant.value());
            insert.setString(2, tenant.value());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not register " + tenant + " in its database: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        open.values().forEach(PostgresPersistence::close);
        open.clear();
    }
}
