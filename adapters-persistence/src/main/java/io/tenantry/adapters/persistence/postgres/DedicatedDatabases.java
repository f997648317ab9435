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
 * tenants' pools are open at once: opening one more closes the least recently used pool that no caller holds.
 *
 * <p>A budget of connections ({@link #capConnections}) bounds the sum of the open pools' sizes, so the connections
 * all tenants' databases can open together never exceed it, however the pools are sized: opening a pool that would
 * not fit closes idle ones first, and is refused (503 for that tenant) while the held ones fill the budget.
 */
public final class DedicatedDatabases implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DedicatedDatabases.class);

    private static final java.util.regex.Pattern DATABASE_IN_URL =
            java.util.regex.Pattern.compile("^(jdbc:postgresql://[^/]*/)([^?]*)(.*)$");
    private static final String DUPLICATE_DATABASE = "42P04";

    /** The databases in use: those declared in the configuration and those given to tenants at run time. */
    private final Map<TenantId, PostgresSettings> settings;
    private final Set<TenantId> declared;
    private final int maxOpen;
    /** How many connections the open pools together may hold, at most; unbounded unless capped. */
    private volatile int connectionBudget = Integer.MAX_VALUE;
    /** Where databases given at run time are created, with which logins; empty when this instance may not create any. */
    private volatile java.util.Optional<PostgresSettings> server = java.util.Optional.empty();
    private final Clock clock;
    private final Duration idempotencyRetention;
    private final Map<TenantId, Open> open = new ConcurrentHashMap<>();

    /**
     * An open tenant database, when a caller last asked for it, how many callers hold it now ({@code -1} once it is
     * closed, so that no caller can take it after the eviction decided), and how many connections its pools may hold.
     */
    private record Open(PostgresPersistence persistence, AtomicLong lastUsed, java.util.concurrent.atomic.AtomicInteger leases,
                        int connections) {

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
        this.declared = Set.copyOf(settings.keySet());
        this.maxOpen = maxOpen;
        this.clock = clock;
        this.idempotencyRetention = idempotencyRetention;
    }

    /** No tenant has a database of its own. */
    public static DedicatedDatabases none() {
        return new DedicatedDatabases(Map.of(), 1, Clock.systemUTC(), Duration.ofHours(24));
    }

    /**
     * Lets this instance give tenants databases of their own at run time: created on {@code shared}'s server by its
     * migrator login (which needs {@code CREATEDB}), with its application and bypass logins, pools of
     * {@code poolSize}. Returns this.
     */
    public DedicatedDatabases provisioningOn(PostgresSettings shared, int poolSize) {
        this.server = java.util.Optional.of(new PostgresSettings(shared.url(), shared.migrator(), shared.app(),
                shared.bypass(), poolSize, 1, false, shared.checkoutTimeout(), shared.allowUnpatchedServer(),
                shared.workLimits()));
        return this;
    }

    /** The tenants whose database of their own this instance knows now (declared, or met since it started). */
    public Set<TenantId> tenants() {
        return Set.copyOf(settings.keySet());
    }

    /** Whether {@code tenant}'s database of its own is declared in the configuration (only a restart changes it). */
    public boolean declared(TenantId tenant) {
        return declared.contains(tenant);
    }

    /**
     * Takes note that {@code tenant}'s rows live in {@code database} on the provisioning server, as its entry in the
     * control plane says: what an instance does when it meets a tenant another instance moved.
     */
    public void adopt(TenantId tenant, String database) {
        if (!declared.contains(tenant)) {
            settings.compute(tenant, (id, known) -> known != null && databaseOf(known.url()).equals(database)
                    ? known : onServer(database));
        }
    }

    /** Forgets {@code tenant}'s database of its own and closes its pools once no caller holds them. */
    public void forget(TenantId tenant) {
        if (declared.contains(tenant)) {
            throw new IllegalStateException(tenant + "'s database is declared in the configuration");
        }
        settings.remove(tenant);
        Open opened = open.get(tenant);
        if (opened != null && opened.closeIfUnleased()) {
            open.remove(tenant, opened);
        }
    }

    /** Why this instance cannot create databases, if it cannot. */
    public java.util.Optional<String> whyNoProvisioning() {
        return server.isPresent() ? java.util.Optional.empty()
                : java.util.Optional.of("this instance holds no migrator login (TENANTRY_DB_MIGRATE=false), so it "
                + "cannot create or drop databases");
    }

    /**
     * The name {@code tenant}'s own database gets: the shared database's name and the tenant's id, so that two
     * deployments on one server never meet; at most 63 characters (PostgreSQL's limit), a hash keeping it unique.
     */
    public String nameFor(TenantId tenant) {
        String base = databaseOf(requireServer().url()) + "_" + tenant.value().replace('-', '_');
        if (base.length() <= 63) {
            return base;
        }
        String hash = java.util.HexFormat.of().toHexDigits(tenant.value().hashCode());
        return base.substring(0, 54) + "_" + hash;
    }

    /**
     * Creates the database {@code name} on the provisioning server (one that exists already, from an attempt that
     * stopped half-way, is taken as it is), migrates it and registers {@code tenant} there.
     */
    public void create(TenantId tenant, String name) {
        PostgresSettings on = requireServer();
        try (Connection owner = DriverManager.getConnection(on.url(), on.migrator().user(), on.migrator().password());
             java.sql.Statement create = owner.createStatement()) {
            create.execute("CREATE DATABASE " + identifier(name));
        } catch (SQLException e) {
            if (!DUPLICATE_DATABASE.equals(e.getSQLState())) {
                throw new IllegalStateException("could not create the database " + name + ": " + e.getMessage(), e);
            }
        }
        migrateAndRegister(tenant, onServer(name));
    }

    /** Drops the database {@code name} of the provisioning server, ending whatever sessions it still has. */
    public void drop(String name) {
        PostgresSettings on = requireServer();
        try (Connection owner = DriverManager.getConnection(on.url(), on.migrator().user(), on.migrator().password());
             java.sql.Statement drop = owner.createStatement()) {
            drop.execute("DROP DATABASE IF EXISTS " + identifier(name) + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop the database " + name + ": " + e.getMessage(), e);
        }
    }

    private PostgresSettings requireServer() {
        return server.orElseThrow(() -> new IllegalStateException(whyNoProvisioning().orElseThrow()));
    }

    private PostgresSettings onServer(String database) {
        PostgresSettings on = requireServer();
        java.util.regex.Matcher url = DATABASE_IN_URL.matcher(on.url());
        if (!url.matches()) {
            throw new IllegalStateException("cannot tell the database in " + on.url());
        }
        return new PostgresSettings(url.group(1) + identifier(database) + url.group(3), on.migrator(), on.app(),
                on.bypass(), on.appPoolSize(), on.bypassPoolSize(), false, on.checkoutTimeout(),
                on.allowUnpatchedServer(), on.workLimits());
    }

    private static String databaseOf(String url) {
        java.util.regex.Matcher matched = DATABASE_IN_URL.matcher(url);
        return matched.matches() ? matched.group(2) : "";
    }

    /** A database name used in DDL as it is: only what {@code own_database}'s check admits. */
    private static String identifier(String name) {
        if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        return name;
    }

    /** Moves tenants between {@code shared} and databases of their own (inside the audited bypass). */
    public io.tenantry.application.admin.TenantDatabases moves(PostgresPersistence shared) {
        return new OwnDatabaseMoves(shared, this);
    }

    /** The cross-tenant reads over {@code shared} and every one of these databases, leaving out those that are down. */
    public io.tenantry.application.order.EveryDatabaseOrders acrossAllDatabases(PostgresPersistence shared) {
        return new AllTenantDatabases(shared, this);
    }

    /** Whether {@code tenant} has a database of its own: a map lookup, asked on every repository call. */
    public boolean has(TenantId tenant) {
        return settings.containsKey(tenant);
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

    /**
     * Caps the connections every tenant database's pools may hold together at {@code connections}: what is left of
     * the server's connections once the shared database's pools are counted. Returns this.
     */
    public DedicatedDatabases capConnections(int connections) {
        if (connections < 1) {
            throw new IllegalArgumentException("the connection budget of the tenants' own databases must be positive");
        }
        this.connectionBudget = connections;
        return this;
    }

    /** The connections of every open tenant database's pools in use now. */
    public int connectionsInUse() {
        return open.values().stream().mapToInt(entry -> entry.persistence().activeConnections()).sum();
    }

    /** The connections the open pools may hold together now: the sum of their sizes. */
    public int connectionsReserved() {
        return open.values().stream().mapToInt(Open::connections).sum();
    }

    private synchronized Open openPools(TenantId tenant, PostgresSettings database) {
        Open existing = open.get(tenant);
        if (existing != null) {
            return existing;
        }
        int needed = connectionsOf(database);
        if (needed > connectionBudget) {
            throw new IllegalStateException("the pools of " + tenant + " need " + needed + " connections, more than "
                    + "the whole budget of " + connectionBudget);
        }
        evictIdleLeastRecentlyUsedBeyond(maxOpen - 1);
        evictIdleUntilFree(needed);
        if (connectionsReserved() + needed > connectionBudget) {
            throw new DependencyUnavailable("a connection for the database of " + tenant + " (the tenants' databases "
                    + "hold all " + connectionBudget + " connections of their budget)", null);
        }
        Open opened = new Open(opened(tenant, database), new AtomicLong(System.nanoTime()),
                new java.util.concurrent.atomic.AtomicInteger(), needed);
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

    private static int connectionsOf(PostgresSettings database) {
        return database.appPoolSize() + database.bypassPoolSize();
    }

    /** Closes idle pools, least recently used first, until {@code needed} more connections fit in the budget. */
    private void evictIdleUntilFree(int needed) {
        List<Map.Entry<TenantId, Open>> eldestFirst = open.entrySet().stream()
                .sorted(Comparator.comparingLong(entry -> entry.getValue().lastUsed().get())).toList();
        for (Map.Entry<TenantId, Open> entry : eldestFirst) {
            if (connectionsReserved() + needed <= connectionBudget) {
                return;
            }
            if (entry.getValue().closeIfUnleased()) {
                open.remove(entry.getKey(), entry.getValue());
            }
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
