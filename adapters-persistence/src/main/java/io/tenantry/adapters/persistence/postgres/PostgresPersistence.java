package io.tenantry.adapters.persistence.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.tenantry.adapters.persistence.jdbi.ConnectionRole;
import io.tenantry.adapters.persistence.jdbi.JdbiAuditLog;
import io.tenantry.adapters.persistence.jdbi.JdbiIdempotencyStore;
import io.tenantry.adapters.persistence.jdbi.JdbiOrderRepository;
import io.tenantry.adapters.persistence.jdbi.JdbiTenantDirectory;
import io.tenantry.adapters.persistence.jdbi.JdbiUserRepository;
import io.tenantry.adapters.persistence.jdbi.TenantJdbi;
import io.tenantry.application.health.DependencyCheck;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.TemplateEngine;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * The PostgreSQL adapters over two bounded pools: the application role's and the bypass role's. Starting it
 * checks that the database really isolates tenants ({@link RlsSelfCheck}) and refuses otherwise.
 */
public final class PostgresPersistence implements AutoCloseable {

    /** How often a database known to be down is asked whether it answers again. */
    private static final Duration PROBE_INTERVAL = Duration.ofMillis(200);

    private final HikariDataSource applicationPool;
    private final DataSource guardedApplicationPool;
    private final HikariDataSource bypassPool;
    private final DatabaseBreaker breaker;
    private final JdbiOrderRepository orders;
    private final JdbiUserRepository users;
    private final JdbiTenantDirectory tenants;
    private final JdbiAuditLog audit;
    private final JdbiIdempotencyStore idempotency;
    private final Jdbi application;

    /** How long opening the pools at startup waits for the database to answer. */
    private static final long STARTUP_WAIT_MILLIS = 10_000;
    /** Opening while a request waits does not wait at all: the self-check's checkout fails within its deadline. */
    private static final long NO_WAIT = -1;
    /** The pools' names (and the {@code pool} label of their metrics): the shared database's, or a tenant's own. */
    private static final String SHARED = "shared";
    private static final String SHARED_BYPASS = "bypass";
    private static final String DEDICATED = "dedicated";
    private static final String DEDICATED_BYPASS = "dedicated-bypass";

    private PostgresPersistence(PostgresSettings settings, Clock clock, Duration idempotencyRetention,
                                UnaryOperator<TemplateEngine> sqlRewriter, boolean selfCheck) {
        this(settings, clock, idempotencyRetention, sqlRewriter, selfCheck, STARTUP_WAIT_MILLIS);
    }

    private PostgresPersistence(PostgresSettings settings, Clock clock, Duration idempotencyRetention,
                                UnaryOperator<TemplateEngine> sqlRewriter, boolean selfCheck, long initialWaitMillis) {
        boolean shared = initialWaitMillis != NO_WAIT;
        this.applicationPool = pool(shared ? SHARED : DEDICATED, settings, settings.app(), settings.appPoolSize(),
                initialWaitMillis);
        this.bypassPool = pool(shared ? SHARED_BYPASS : DEDICATED_BYPASS, settings, settings.bypass(),
                settings.bypassPoolSize(), initialWaitMillis);
        this.breaker = new DatabaseBreaker("the database at " + settings.url().split("\\?", 2)[0],
                new DatabaseProbe(settings.url(), settings.app(), settings.checkoutTimeout()), PROBE_INTERVAL,
                settings.checkoutTimeout());
        this.guardedApplicationPool = new GuardedDataSource(applicationPool, breaker);
        if (selfCheck) {
            try {
                RlsSelfCheck.verify(guardedApplicationPool, settings.bypass().user(), settings.allowUnpatchedServer());
            } catch (RuntimeException unsafe) {
                close();
                throw unsafe;
            }
        }
        Jdbi application = TenantJdbi.create(guardedApplicationPool, ConnectionRole.APPLICATION,
                sqlRewriter, breaker::suspect, settings.workLimits());
        Jdbi bypass = TenantJdbi.create(new GuardedDataSource(bypassPool, breaker), ConnectionRole.BYPASS, sqlRewriter,
                breaker::suspect);
        this.application = application;
        this.orders = new JdbiOrderRepository(application, bypass);
        this.users = new JdbiUserRepository(application);
        this.tenants = new JdbiTenantDirectory(application, bypass);
        this.audit = new JdbiAuditLog(bypass);
        this.idempotency = new JdbiIdempotencyStore(application, clock, idempotencyRetention);
    }

    /** Connects with {@code settings}; the schema must be migrated already ({@link SchemaMigrator}). */
    public static PostgresPersistence start(PostgresSettings settings, Clock clock, Duration idempotencyRetention) {
        return new PostgresPersistence(settings, clock, idempotencyRetention, UnaryOperator.identity(), true);
    }

    /**
     * As {@link #start}, for pools opened while a request waits (a tenant's own database): a database that does not
     * answer fails the opening within the checkout deadline instead of holding the request for seconds.
     */
    public static PostgresPersistence startOnDemand(PostgresSettings settings, Clock clock, Duration idempotencyRetention) {
        return new PostgresPersistence(settings, clock, idempotencyRetention, UnaryOperator.identity(), true, NO_WAIT);
    }

    /** As {@link #start}, rewriting each statement's SQL first (for the isolation tests' modes). */
    public static PostgresPersistence start(PostgresSettings settings, Clock clock, Duration idempotencyRetention,
                                            UnaryOperator<TemplateEngine> sqlRewriter) {
        return new PostgresPersistence(settings, clock, idempotencyRetention, sqlRewriter, true);
    }

    /**
     * Without the self-check: only for the test that proves the SQL filter alone isolates tenants in a database
     * whose policies were dropped on purpose.
     */
    static PostgresPersistence startUnchecked(PostgresSettings settings, Clock clock, Duration idempotencyRetention,
                                              UnaryOperator<TemplateEngine> sqlRewriter) {
        return new PostgresPersistence(settings, clock, idempotencyRetention, sqlRewriter, false);
    }

    /**
     * A team's own SQL object on the application role: each call runs in a transaction that binds the current
     * tenant to {@code app.tenant_id}, so row-level security applies, and {@code @BindCurrentTenant} binds
     * {@code :tenantId}. The house rules check its SQL like Tenantry's own.
     */
    public <T> T sqlObject(Class<T> sqlObjectType) {
        return application.onDemand(sqlObjectType);
    }

    public JdbiOrderRepository orders() {
        return orders;
    }

    public JdbiUserRepository users() {
        return users;
    }

    public JdbiTenantDirectory tenants() {
        return tenants;
    }

    public JdbiAuditLog audit() {
        return audit;
    }

    public JdbiIdempotencyStore idempotency() {
        return idempotency;
    }

    /**
     * Publishes both pools' own HikariCP metrics ({@code hikaricp_connections_active} and the rest) in
     * {@code registry}, labelled {@code pool="shared"} and {@code pool="bypass"}: for the shared database, whose
     * pools live as long as the process. A tenant's own pools come and go and are counted together instead.
     */
    public void publishPoolMetrics(io.micrometer.core.instrument.MeterRegistry registry) {
        var trackers = new com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory(registry);
        applicationPool.setMetricsTrackerFactory(trackers);
        bypassPool.setMetricsTrackerFactory(trackers);
    }

    /** Connections of the application pool in use now (an idle pool may be closed). */
    public int activeConnections() {
        var pool = applicationPool.getHikariPoolMXBean();
        var bypass = bypassPool.getHikariPoolMXBean();
        return (pool == null ? 0 : pool.getActiveConnections()) + (bypass == null ? 0 : bypass.getActiveConnections());
    }

    /** Whether the breaker holds the database for down now (requests are refused at once), for the fault tests. */
    boolean knownDown() {
        return breaker.isOpen();
    }

    /** The application role's pool (behind the breaker), for tests that look at pooled connections. */
    public DataSource applicationDataSource() {
        return guardedApplicationPool;
    }

    /**
     * Whether the database answers, asked on a connection of its own (never a pooled one), and down at once while
     * requests are being refused because the database is known to be down.
     */
    public DependencyCheck healthCheck() {
        return new PostgresHealthCheck(breaker);
    }

    @Override
    public void close() {
        breaker.close();
        applicationPool.close();
        bypassPool.close();
    }

    private static HikariDataSource pool(String name, PostgresSettings settings, PostgresSettings.Login login, int size,
                                         long initialWaitMillis) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(settings.url());
        config.setUsername(login.user());
        config.setPassword(login.password());
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(Math.min(2, size));
        config.setAutoCommit(true);
        // Every tenant-bound statement is two statements in one (the tenant setting, then the query), and pgJDBC
        // prepares it server-side after a few uses. In that prepared form a statement reused with NULL parameters
        // was seen to return no rows, so tenant-bound statements never bind NULL (one SQL text per shape instead);
        // OrderRepositoryContract.repeatedReadsKeepReturningTheSameRows guards this.
        // the breaker waits for a connection in slices up to the checkout deadline, so a wait ends early once the
        // database is known to be down
        config.setConnectionTimeout(DatabaseBreaker.CHECKOUT_SLICE.toMillis());
        // A database that vanishes without closing its sockets (a power cut, a dropped route) must not hold a
        // request for minutes of TCP retransmission: no read waits longer than the longest statement may run.
        long longestStatement = settings.workLimits().statementTimeout().values().stream()
                .mapToLong(Duration::toSeconds).max().orElse(15);
        config.addDataSourceProperty("socketTimeout", String.valueOf(longestStatement + 5));
        config.addDataSourceProperty("tcpKeepAlive", "true");
        config.setInitializationFailTimeout(initialWaitMillis);
        return new HikariDataSource(config);
    }
}
