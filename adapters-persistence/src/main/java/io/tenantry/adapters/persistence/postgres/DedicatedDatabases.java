package io.tenantry.adapters.persistence.postgres;

import io.tenantry.kernel.context.TenantId;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

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
    private final Map<TenantId, Open> open = new ConcurrentHashMap<>();

    /** An open tenant database and when a caller last asked for it. */
    private record Open(PostgresPersistence persistence, AtomicLong lastUsed) {
    }

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

    /**
     * The adapters over {@code tenant}'s own database, opening its pools if needed; empty for shared tenants. The
     * common case (pools already open) takes no lock.
     */
    public Optional<PostgresPersistence> forTenant(TenantId tenant) {
        PostgresSettings database = settings.get(tenant);
        if (database == null) {
            return Optional.empty();
        }
        Open existing = open.get(tenant);
        if (existing != null) {
            existing.lastUsed().set(System.nanoTime());
            return Optional.of(existing.persistence());
        }
        return Optional.of(openPools(tenant, database));
    }

    /** How many tenants' pools are open now. */
    public int openPools() {
        return open.size();
    }

    private synchronized PostgresPersistence openPools(TenantId tenant, PostgresSettings database) {
        Open existing = open.get(tenant);
        if (existing != null) {
            return existing.persistence();
        }
        evictIdleLeastRecentlyUsedBeyond(maxOpen - 1);
        PostgresPersistence persistence = PostgresPersistence.start(database, clock, idempotencyRetention);
        open.put(tenant, new Open(persistence, new AtomicLong(System.nanoTime())));
        return persistence;
    }

    private void evictIdleLeastRecentlyUsedBeyond(int keep) {
        List<Map.Entry<TenantId, Open>> eldestFirst = open.entrySet().stream()
                .sorted(Comparator.comparingLong(entry -> entry.getValue().lastUsed().get())).toList();
        for (Map.Entry<TenantId, Open> entry : eldestFirst) {
            if (open.size() <= keep) {
                return;
            }
            if (entry.getValue().persistence().activeConnections() == 0) {
                open.remove(entry.getKey());
                entry.getValue().persistence().close();
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
        open.values().forEach(entry -> entry.persistence().close());
        open.clear();
    }
}
