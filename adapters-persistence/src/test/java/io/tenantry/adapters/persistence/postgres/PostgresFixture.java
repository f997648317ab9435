package io.tenantry.adapters.persistence.postgres;

import io.tenantry.application.contract.PersistenceFixture;
import io.tenantry.application.idempotency.IdempotencyStore;
import io.tenantry.adapters.persistence.jdbi.JdbiIdempotencyStore;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.TemplateEngine;

import java.time.Clock;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * The PostgreSQL adapters for the contract kits, in one of three isolation modes: both layers (as shipped), row-level
 * security alone (the SQL filter rewritten away) or the SQL filter alone (policies dropped in a throwaway database).
 * One database per mode and JVM, emptied on every reset.
 */
public final class PostgresFixture implements PersistenceFixture {

    /** Which isolation layers are active. */
    public enum Mode { BOTH, RLS_ONLY, FILTER_ONLY }

    /** The tenant tables of the schema the migrations build. */
    public static final java.util.List<String> TENANT_TABLES =
            java.util.List.of("tenants", "users", "orders", "order_lines", "idempotency_keys");

    private static final java.util.Map<Mode, PostgresFixture> SHARED = new java.util.EnumMap<>(Mode.class);

    private final Mode mode;
    private final TestDatabase database;
    private final PostgresPersistence persistence;

    private PostgresFixture(Mode mode, int appPoolSize) {
        this.mode = mode;
        this.database = TestDatabase.migrated(appPoolSize);
        if (mode == Mode.FILTER_ONLY) {
            dropRowLevelSecurity(database);
        }
        // these fixtures test isolation, not deadlines: a small pool shared by many callers may wait its turn
        PostgresSettings patient = patient(database.settings());
        this.persistence = mode == Mode.FILTER_ONLY
                ? PostgresPersistence.startUnchecked(patient, Clock.systemUTC(), Duration.ofHours(24), UnaryOperator.identity())
                : PostgresPersistence.start(patient, Clock.systemUTC(), Duration.ofHours(24), rewriter(mode));
    }

    /** The fixture of {@code mode}, shared by the test classes of this JVM and dropped when it exits. */
    public static synchronized PostgresFixture shared(Mode mode) {
        return SHARED.computeIfAbsent(mode, m -> {
            PostgresFixture fixture = new PostgresFixture(m, 10);
            Runtime.getRuntime().addShutdownHook(new Thread(fixture::close, "drop-test-database"));
            return fixture;
        });
    }

    /** A fixture of its own (e.g. with a pool of one connection); the caller closes it. */
    public static PostgresFixture dedicated(Mode mode, int appPoolSize) {
        return new PostgresFixture(mode, appPoolSize);
    }

    public Mode mode() {
        return mode;
    }

    public TestDatabase database() {
        return database;
    }

    public PostgresPersistence persistence() {
        return persistence;
    }

    @Override
    public Adapters adapters() {
        return new Adapters(persistence.orders(), persistence.users(), persistence.tenants(), persistence.audit(),
                persistence.audit(), persistence.idempotency(), DedicatedDatabases.none().acrossAllDatabases(persistence));
    }

    @Override
    public IdempotencyStore idempotency(Clock clock, Duration retention) {
        Jdbi application = io.tenantry.adapters.persistence.jdbi.TenantJdbi.create(persistence.applicationDataSource(),
                io.tenantry.adapters.persistence.jdbi.ConnectionRole.APPLICATION, rewriter(mode));
        return new JdbiIdempotencyStore(application, clock, retention);
    }

    @Override
    public void reset() {
        reset(database);
    }

    /** Empties {@code database} (the audit log too) and provisions tenants A, B and the platform tenant as active. */
    public static void reset(TestDatabase database) {
        database.execute(
                // only the owner can empty the append-only log, by switching its trigger off: serve never holds
                // the owner's login in production (docs/production.md)
                "ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_truncate",
                "TRUNCATE audit_log, order_lines, orders, users, idempotency_keys, tenants",
                "ALTER TABLE audit_log ENABLE ALWAYS TRIGGER audit_log_no_truncate",
                "INSERT INTO tenants (id, name, tier, status) VALUES "
                        + "('tenant-a', 'Tenant A', 'pro', 'active'), ('tenant-b', 'Tenant B', 'free', 'active'), "
                        + "('platform', 'Platform', 'enterprise', 'active')");
    }

    public void close() {
        persistence.close();
        database.close();
    }

    /** Rewrites the SQL filter away in {@link Mode#RLS_ONLY}, keeping {@code :tenantId} bound so statements stay valid. */
    static UnaryOperator<TemplateEngine> rewriter(Mode mode) {
        if (mode != Mode.RLS_ONLY) {
            return UnaryOperator.identity();
        }
        return engine -> (template, context) -> engine.render(template, context)
                .replaceAll("\\b(\\w+\\.)?(tenant_id|id) = :tenantId\\b", ":tenantId = :tenantId");
    }

    private static PostgresSettings patient(PostgresSettings settings) {
        return new PostgresSettings(settings.url(), settings.migrator(), settings.app(), settings.bypass(),
                settings.appPoolSize(), settings.bypassPoolSize(), settings.createRoles(), Duration.ofSeconds(30));
    }

    private static void dropRowLevelSecurity(TestDatabase database) {
        for (String table : TENANT_TABLES) {
            database.execute("DROP POLICY tenant_isolation ON " + table, "DROP POLICY tenant_rows ON " + table,
                    "ALTER TABLE " + table + " NO FORCE ROW LEVEL SECURITY",
                    "ALTER TABLE " + table + " DISABLE ROW LEVEL SECURITY");
        }
    }
}
