package io.tenantry.adapters.persistence.postgres;

import io.tenantry.application.health.DependencyUnavailable;
import io.tenantry.kernel.context.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    private static final Logger LOG = LoggerFactory.getLogger(DedicatedDatabases.class);

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
        this.settings = new ConcurrentHashMap<>(settings);
        this.maxOpen = maxOpen;
        this.clock = clock;
        this.idempotencyRetention = idempotencyRetention;
    }

    /** No tenant has a database of its own. */
    public static DedicatedDatabases none() {
        return new DedicatedDatabases(Map.of(), 1, Clock.systemUTC(), Duration.ofHours(24));
    }

    /** The tenants that have a database of their own. */
    public Set<TenantId> tenants() {
        return settings.keySet();
    }

    /** The cross-tenant reads over {@code shared} and every one of these databases, leaving out those that are down. */
    public io.tenantry.application.order.EveryDatabaseOrders acrossAllDatabases(PostgresPersistence shared) {
        return new AllTenantDatabases(shared, this);
    }

    /** Whether {@code tenant} has a database of its own: a map lookup, asked on every repository call. */
    public boolean has(TenantId tenant) {
        return settings.containsKey(tenant);
    }

    /**
     * Gives {@code tenant} the database {@code database} from the next call on; the database must be migrated, with
     * the tenant registered in it ({@link #migrateAndRegister}). Refused when the tenant has one already.
     */
    public void add(TenantId tenant, PostgresSettings database) {
        if (settings.putIfAbsent(tenant, database) != null) {
            throw new IllegalStateException(tenant + " has a database of its own already");
        }
    }

    /** Migrates {@code database} and registers {@code tenant} in it; returns how many migrations ran. */
    public static int migrateAndRegister(TenantId tenant, PostgresSettings database) {
        int migrations = new SchemaMigrator(database).migrate();
        registerTenant(tenant, database);
        return migrations;
    }

    /** Migrates every dedicated database and registers its tenant there (its rows reference it). */
    public void migrate() {
        settings.forEach(DedicatedDatabases::migrateAndRegister);
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
        try (Held held = hold(tenant)) {
            return work.apply(held.database());
        }
    }

    /**
     * {@code tenant}'s own database, opened if needed and held open until {@link Held#close()}: what a caller that
     * spans more than one lambda (a container-managed bean that lives for one call) takes. {@code tenant} must have a
     * database of its own.
     */
    public Held hold(TenantId tenant) {
        PostgresSettings database = settings.get(tenant);
        if (database == null) {
            throw new IllegalArgumentException(tenant + " has no database of its own");
        }
        return new Held(leased(tenant, database));
    }

    /** How many holds are taken and not yet let go, over every open database (zero when every caller let go). */
    public int holdsNow() {
        return open.values().stream().mapToInt(entry -> Math.max(0, entry.leases().get())).sum();
    }

    /** One caller's hold on a tenant's open database; closing it lets go, once. */
    public static final class Held implements AutoCloseable {

        private final Open open;
        private final java.util.concurrent.atomic.AtomicBoolean released = new java.util.concurrent.atomic.AtomicBoolean();

        private Held(Open open) {
            this.open = open;
        }

        public PostgresPersistence database() {
            if (released.get()) {
                throw new IllegalStateException("this hold on a tenant's database was let go");
            }
            return open.persistence();
        }

        @Override
        public void close() {
            if (released.compareAndSet(false, true)) {
                open.release();
            }
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
        Open opened = new Open(opened(tenant, database), new AtomicLong(System.nanoTime()),
                new java.util.concurrent.atomic.AtomicInteger());
        open.put(tenant, opened);
        return opened;
    }

    /**
     * Opens {@code tenant}'s pools; a database that cannot be reached or fails the self-check is unavailable to its
     * own tenant only, and answered as such (503), never as an error of the service.
     */
    private PostgresPersistence opened(TenantId tenant, PostgresSettings database) {
        try {
            return PostgresPersistence.startOnDemand(database, clock, idempotencyRetention);
        } catch (RuntimeException failure) {
            LOG.warn("the database of {} cannot be opened: {}", tenant, failure.getMessage());
            throw new DependencyUnavailable("the database of " + tenant, failure);
        }
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
