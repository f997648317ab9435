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

    /**
     * An open tenant database, when a caller last asked for it, and how many callers hold it now; {@code -1} leases
     * once it is closed, so that no caller can take it after the eviction decided.
     */
    private record Open(PostgresPersistence persistence, AtomicLong lastUsed, java.util.concurrent.atomic.AtomicInteger leases) {

        boolean lease() {
            for (int held = leases.get(); held >= 0; held = leases.get()) {
                if (leases.compareAndSet(held, held + 1)) {
                    return true;
                }
            }
            return false;
        }

        void release() {
            leases.decrementAndGet();
        }

        /** Closes it if nobody holds it: the lease count turns -1 in the same step as the check. */
        boolean closeIfUnleased() {
            if (persistence.activeConnections() == 0 && leases.compareAndSet(0, -1)) {
                persistence.close();
                return true;
            }
            return false;
        }
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

    /** Work on one database; it may throw the port's own checked exceptions. */
    @FunctionalInterface
    public interface Work<T, X extends Exception> {
        T apply(PostgresPersistence database) throws X;
    }

    /**
     * Runs {@code work} on {@code tenant}'s own database, opening its pools if needed and holding them open for the
     * whole call: the cap on open pools never closes a database a caller is about to use. The common case (pools
     * already open) takes no lock. {@code tenant} must have a database of its own.
     */
    public <T, X extends Exception> T call(TenantId tenant, Work<T, X> work) throws X {
        PostgresSettings database = settings.get(tenant);
        if (database == null) {
            throw new IllegalArgumentException(tenant + " has no database of its own");
        }
        Open held = leased(tenant, database);
        try {
            return work.apply(held.persistence());
        } finally {
            held.release();
        }
    }

    private Open leased(TenantId tenant, PostgresSettings database) {
        while (true) {
            Open existing = open.get(tenant);
            if (existing == null) {
                existing = openPools(tenant, database);
            }
            if (existing.lease()) {
                existing.lastUsed().set(System.nanoTime());
                return existing;
            }
            open.remove(tenant, existing);
        }
    }

    /** How many tenants' pools are open now. */
    public int openPools() {
        return open.size();
    }

    private synchronized Open openPools(TenantId tenant, PostgresSettings database) {
        Open existing = open.get(tenant);
        if (existing != null) {
            return existing;
        }
        evictIdleLeastRecentlyUsedBeyond(maxOpen - 1);
        Open opened = new Open(PostgresPersistence.start(database, clock, idempotencyRetention),
                new AtomicLong(System.nanoTime()), new java.util.concurrent.atomic.AtomicInteger());
        open.put(tenant, opened);
        return opened;
    }

    private void evictIdleLeastRecentlyUsedBeyond(int keep) {
        List<Map.Entry<TenantId, Open>> eldestFirst = open.entrySet().stream()
                .sorted(Comparator.comparingLong(entry -> entry.getValue().lastUsed().get())).toList();
        for (Map.Entry<TenantId, Open> entry : eldestFirst) {
            if (open.size() <= keep) {
                return;
            }
            if (entry.getValue().closeIfUnleased()) {
                open.remove(entry.getKey(), entry.getValue());
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
