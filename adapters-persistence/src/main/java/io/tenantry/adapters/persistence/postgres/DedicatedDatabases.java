package io.tenantry.adapters.persistence.postgres;

import io.tenantry.adapters.persistence.ConnectionUrls;
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
    /** Whether this instance holds the migrator's login, which creates and drops databases. */
    private volatile boolean canCreate;
    /** Tenants whose database could not be opened, and until when (nanoTime) their calls are refused at once. */
    private final Map<TenantId, Long> unavailableUntil = new ConcurrentHashMap<>();
    private static final long UNAVAILABLE_NANOS = java.time.Duration.ofSeconds(1).toNanos();
    private final Clock clock;
    private final Duration idempotencyRetention;
    private final Map<TenantId, Open> open = new ConcurrentHashMap<>();

    /**
     * An open tenant database, when a caller last asked for it, how many callers hold it now ({@code -1} once it is
     * closed, so that no caller can take it after the eviction decided), and how many connections its pools may hold.
     */
    private record Open(PostgresPersistence persistence, AtomicLong lastUsed, java.util.concurrent.atomic.AtomicInteger leases,
                        int connections, String url) {

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
     * Where databases given to tenants at run time live: on {@code shared}'s server, reached with its application and
     * bypass logins, pools of {@code poolSize}. Every instance knows this, to serve a tenant another instance moved;
     * only one that holds the migrator's login ({@code canCreate}) creates and drops them, as the migrator, which
     * needs {@code CREATEDB}. Returns this.
     */
    public DedicatedDatabases provisioningOn(PostgresSettings shared, int poolSize, boolean canCreate) {
        this.server = java.util.Optional.of(new PostgresSettings(shared.url(), shared.migrator(), shared.app(),
                shared.bypass(), poolSize, 1, false, shared.checkoutTimeout(), shared.allowUnpatchedServer(),
                shared.workLimits()));
        this.canCreate = canCreate;
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

    /** Why this instance cannot create or drop databases, if it cannot. */
    public java.util.Optional<String> whyNoProvisioning() {
        if (server.isEmpty()) {
            return java.util.Optional.of("this instance has no provisioning server configured");
        }
        return canCreate ? java.util.Optional.empty()
                : java.util.Optional.of("this instance holds no migrator login (TENANTRY_DB_MIGRATE=false), so it "
                + "cannot create or drop databases");
    }

    /**
     * The name {@code tenant}'s own database gets: the shared database's name and the tenant's id, cut to the 63
     * characters PostgreSQL allows with a hash of the id keeping it apart. Another deployment on the same server
     * could hold a database of that name; {@link #create} and {@link #drop} touch only one marked as this tenant's.
     */
    public String nameFor(TenantId tenant) {
        String shared = databaseOf(requireServer().url()).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        String base = (shared.isEmpty() || !Character.isLetter(shared.charAt(0)) ? "t" + shared : shared)
                + "_" + tenant.value().replace('-', '_');
        if (base.length() <= 63) {
            return base;
        }
        return base.substring(0, 54) + "_" + sha256(tenant.value()).substring(0, 8);
    }

    /**
     * Creates the database {@code name} on the provisioning server and marks it as {@code tenant}'s, migrates it and
     * registers the tenant there. One that exists already is taken only when it carries this tenant's mark (an
     * attempt that stopped half-way); any other is refused, never migrated nor dropped.
     *
     * @throws ProvisioningRefused when the database cannot be created or is not this tenant's
     */
    public void create(TenantId tenant, String name) {
        PostgresSettings on = requireCreator();
        try (Connection owner = DriverManager.getConnection(on.url(), on.migrator().user(), on.migrator().password());
             java.sql.Statement create = owner.createStatement()) {
            try {
                create.execute("CREATE DATABASE " + identifier(name));
                create.execute("COMMENT ON DATABASE " + identifier(name) + " IS '" + markOf(tenant) + "'");
            } catch (SQLException e) {
                if (!DUPLICATE_DATABASE.equals(e.getSQLState())) {
                    throw new ProvisioningRefused("the migrator could not create the database " + name + ": "
                            + e.getMessage(), e);
                }
                if (!markOf(tenant).equals(markOn(owner, name))) {
                    throw new ProvisioningRefused("a database named " + name + " exists and is not marked as "
                            + tenant + "'s; it is left as it is", e);
                }
            }
        } catch (SQLException e) {
            throw new ProvisioningRefused("could not reach the server as the migrator: " + e.getMessage(), e);
        }
        migrateAndRegister(tenant, onServer(name));
    }

    /**
     * Drops the database {@code name} if it carries {@code tenant}'s mark, ending whatever sessions it still has;
     * whether it did.
     *
     * @throws ProvisioningRefused when it cannot be reached or dropped
     */
    public boolean drop(TenantId tenant, String name) {
        PostgresSettings on = requireCreator();
        try (Connection owner = DriverManager.getConnection(on.url(), on.migrator().user(), on.migrator().password());
             java.sql.Statement drop = owner.createStatement()) {
            String mark = markOn(owner, name);
            if (mark == null || !mark.equals(markOf(tenant))) {
                LOG.warn("the database {} is not marked as {}'s and is not dropped", name, tenant);
                return false;
            }
            drop.execute("DROP DATABASE IF EXISTS " + identifier(name) + " WITH (FORCE)");
            return true;
        } catch (SQLException e) {
            throw new ProvisioningRefused("could not drop the database " + name + ": " + e.getMessage(), e);
        }
    }

    /** The database could not be created, taken or dropped; the message says why, for the operator's log. */
    public static final class ProvisioningRefused extends RuntimeException {
        ProvisioningRefused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** What marks a database as {@code tenant}'s, for this deployment (the shared database it belongs with). */
    private String markOf(TenantId tenant) {
        return "tenantry: the own database of tenant " + tenant.value() + " of " + databaseOf(requireServer().url())
                .replaceAll("[^A-Za-z0-9_-]", "_");
    }

    /** The comment on database {@code name}; null when it has none or does not exist. */
    private static String markOn(Connection owner, String name) throws SQLException {
        try (PreparedStatement mark = owner.prepareStatement(
                "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = ?")) {
            mark.setString(1, name);
            try (java.sql.ResultSet row = mark.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    private static String sha256(String value) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private PostgresSettings requireServer() {
        return server.orElseThrow(() -> new ProvisioningRefused(whyNoProvisioning().orElseThrow(), null));
    }

    private PostgresSettings requireCreator() {
        whyNoProvisioning().ifPresent(reason -> {
            throw new ProvisioningRefused(reason, null);
        });
        return requireServer();
    }

    private PostgresSettings onServer(String database) {
        PostgresSettings on = requireServer();
        java.util.regex.Matcher url = DATABASE_IN_URL.matcher(on.url());
        if (!url.matches()) {
            throw new IllegalStateException("cannot tell the database in " + ConnectionUrls.redacted(on.url()));
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
            // its rows are being moved back to the shared database (or it never had a database of its own)
            throw new DependencyUnavailable("the database of " + tenant + ", which it no longer has,", null);
        }
        Long refusedUntil = unavailableUntil.get(tenant);
        if (refusedUntil != null && System.nanoTime() - refusedUntil < 0) {
            throw new DependencyUnavailable("the database of " + tenant, null);
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
            if (existing != null && !existing.url().equals(database.url())) {
                // the tenant's entry now names another database: these pools serve it no more
                if (existing.closeIfUnleased()) {
                    open.remove(tenant, existing);
                }
                throw new DependencyUnavailable("the database of " + tenant + ", which is being moved,", null);
            }
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
                new java.util.concurrent.atomic.AtomicInteger(), needed, database.url());
        open.put(tenant, opened);
        return opened;
    }

    /**
     * Opens {@code tenant}'s pools; a database that cannot be reached or fails the self-check is unavailable to its
     * own tenant only, and answered as such (503), never as an error of the service.
     */
    private PostgresPersistence opened(TenantId tenant, PostgresSettings database) {
        try {
            PostgresPersistence opened = PostgresPersistence.startOnDemand(database, clock, idempotencyRetention);
            unavailableUntil.remove(tenant);
            return opened;
        } catch (RuntimeException failure) {
            // refused at once for a moment, so a database that is down does not hold the lock for every call of its
            // tenant, which other tenants' openings wait on
            unavailableUntil.put(tenant, System.nanoTime() + UNAVAILABLE_NANOS);
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
