package io.tenantry.bootstrap;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tenantry.adapters.persistence.memory.InMemoryRateLimiter;
import io.tenantry.adapters.persistence.memory.InMemoryTenantCache;
import io.tenantry.adapters.persistence.redis.RedisAdapters;
import io.tenantry.adapters.storage.S3Backend;
import io.tenantry.adapters.web.TenantryWeb;
import io.tenantry.adapters.web.routes.AdminRoutes;
import io.tenantry.adapters.web.routes.FileRoutes;
import io.tenantry.adapters.web.routes.OrderRoutes;
import io.tenantry.adapters.web.routes.UserRoutes;
import io.tenantry.application.admin.AdminService;
import io.tenantry.application.file.FileService;
import io.tenantry.application.health.DependencyCheck;
import io.tenantry.application.health.HealthService;
import io.tenantry.application.limits.RequestAdmission;
import io.tenantry.application.order.OrderService;
import io.tenantry.application.tenant.TenantAccess;
import io.tenantry.application.tenant.TenantDirectory;
import io.tenantry.application.user.UserService;
import io.tenantry.kernel.audit.Bypass;
import io.tenantry.kernel.cache.TenantCache;
import io.tenantry.kernel.limits.RateLimiter;
import io.tenantry.kernel.storage.ObjectStorage;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The producers that wire Tenantry: one place that knows which adapter implements which port. Everything is a
 * process-wide singleton here because nothing here is tenant-specific: every port resolves the tenant from the
 * context on each call.
 */
@Singleton
public class TenantryBeans {

    @Produces
    @Singleton
    Clock clock() {
        // microseconds: what PostgreSQL stores, so a created order reads back equal
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }

    /** Garbage-collection metrics listen to the JVM until the container stops. */
    private final io.micrometer.core.instrument.binder.jvm.JvmGcMetrics gcMetrics =
            new io.micrometer.core.instrument.binder.jvm.JvmGcMetrics();

    @Produces
    @Singleton
    DatabaseRuntime database(TenantryConfig config, Clock clock, PrometheusMeterRegistry metrics) {
        DatabaseRuntime database = DatabaseRuntime.start(config, clock);
        database.persistence().publishPoolMetrics(metrics);
        var dedicated = database.dedicated();
        io.micrometer.core.instrument.Gauge.builder("tenantry_dedicated_db_connections_active", dedicated,
                        databases -> databases.connectionsInUse())
                .description("connections in use over every tenant's own database (no tenant label)").register(metrics);
        io.micrometer.core.instrument.Gauge.builder("tenantry_dedicated_db_connections_reserved", dedicated,
                        databases -> databases.connectionsReserved())
                .description("the summed sizes of the tenants' open pools, against TENANTRY_DB_MAX_CONNECTIONS")
                .register(metrics);
        io.micrometer.core.instrument.Gauge.builder("tenantry_dedicated_db_open_pools", dedicated,
                        databases -> databases.openPools())
                .description("tenants whose own database has its pools open now").register(metrics);
        return database;
    }

    void closeDatabase(@Disposes DatabaseRuntime database) {
        database.close();
    }

    /** The Redis adapters when a Redis is configured. */
    @Produces
    @Singleton
    Optional<RedisAdapters> redis(TenantryConfig config, Clock clock, PrometheusMeterRegistry metrics) {
        Optional<RedisAdapters> redis = config.redis().map(settings -> RedisAdapters.connect(settings, "tenantry:", clock));
        redis.ifPresent(adapters -> {
            adapters.publishMetrics(metrics);
            io.micrometer.core.instrument.Gauge.builder("tenantry_dependency_degraded", adapters,
                            serving -> serving.degraded() ? 1 : 0)
                    .tag("dependency", "redis")
                    .description("1 while requests are served without the dependency (local budgets, cache misses)")
                    .register(metrics);
            io.micrometer.core.instrument.FunctionCounter.builder("tenantry_rate_limit_shared_decisions", adapters,
                            RedisAdapters::sharedDecisions)
                    .description("rate-limit decisions made against the budgets shared through Redis").register(metrics);
            io.micrometer.core.instrument.FunctionCounter.builder("tenantry_rate_limit_redis_round_trips", adapters,
                            RedisAdapters::limiterRoundTrips)
                    .description("rate-limit scripts run on Redis: one per lease taken or renewed").register(metrics);
            io.micrometer.core.instrument.FunctionTimer.builder("tenantry_rate_limit_redis", adapters,
                            serving -> (long) serving.limiterRoundTrips(), RedisAdapters::limiterRoundTripSeconds,
                            java.util.concurrent.TimeUnit.SECONDS)
                    .description("time of the rate-limit scripts on Redis, sending to answer").register(metrics);
        });
        return redis;
    }

    void closeRedis(@Disposes Optional<RedisAdapters> redis) {
        redis.ifPresent(RedisAdapters::close);
    }

    /** Shared by every instance through Redis when one is configured; per process otherwise. */
    @Produces
    @Singleton
    TenantCache tenantCache(Optional<RedisAdapters> redis, Clock clock) {
        return redis.<TenantCache>map(RedisAdapters::tenantCache).orElseGet(() -> new InMemoryTenantCache(clock));
    }

    @Produces
    @Singleton
    RateLimiter rateLimiter(Optional<RedisAdapters> redis, Clock clock) {
        return redis.<RateLimiter>map(RedisAdapters::rateLimiter).orElseGet(() -> new InMemoryRateLimiter(clock));
    }

    /** One per process: it holds the uploads in progress and the quota ledger that the bounds apply to. */
    @Produces
    @Singleton
    FileService files(ObjectStorage storage, TenantryConfig config) {
        return new FileService(storage, config.web().maxFileBytes(), config.uploads(), config.quotas());
    }

    @Produces
    @Singleton
    Bypass bypass(DatabaseRuntime database, Clock clock) {
        return new Bypass(database.persistence().audit(), clock);
    }

    @Produces
    @Singleton
    TenantAccess tenantAccess(TenantDirectory tenants, Clock clock, TenantryConfig config) {
        return new TenantAccess(tenants, clock, config.tenantCacheAge());
    }

    /** The registry {@code /metrics} serves, with the JVM's own binders: memory, GC, threads, classes, CPU, uptime. */
    @Produces
    @Singleton
    PrometheusMeterRegistry metrics() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics().bindTo(registry);
        gcMetrics.bindTo(registry);
        new io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics().bindTo(registry);
        new io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics().bindTo(registry);
        new io.micrometer.core.instrument.binder.system.ProcessorMetrics().bindTo(registry);
        new io.micrometer.core.instrument.binder.system.UptimeMetrics().bindTo(registry);
        return registry;
    }

    @jakarta.annotation.PreDestroy
    void stopListeningToTheCollector() {
        gcMetrics.close();
    }

    @Produces
    @Singleton
    TenantryWeb web(TenantryConfig config, OrderService orders, UserService users, AdminService admin,
                    TenantAccess access, RateLimiter limiter, FileService files, DatabaseRuntime database,
                    Optional<RedisAdapters> redis, Optional<S3Backend> s3, PrometheusMeterRegistry metrics) {
        io.micrometer.core.instrument.Gauge.builder("tenantry_uploads_in_progress", files, FileService::uploadsInProgress)
                .description("File uploads being read and stored, against TENANTRY_UPLOADS_MAX").register(metrics);
        TenantryWeb.Services services = new TenantryWeb.Services(
                new OrderRoutes.UseCases(orders, orders, orders, orders, orders, orders),
                new UserRoutes.UseCases(users, users, users),
                new AdminRoutes.UseCases(admin, admin, admin, admin, admin, admin, admin), access, admin,
                new FileRoutes.UseCases(files, files, files, files),
                new HealthService(healthChecks(database, redis, s3)), new RequestAdmission(limiter, config.limits()));
        return new TenantryWeb(config.web(), services, metrics);
    }

    /** Every dependency the process uses: the database always, Redis and S3 when configured. */
    private static List<DependencyCheck> healthChecks(DatabaseRuntime database, Optional<RedisAdapters> redis,
                                                      Optional<S3Backend> s3) {
        List<DependencyCheck> checks = new ArrayList<>();
        checks.add(database.persistence().healthCheck());
        redis.ifPresent(adapters -> checks.add(adapters.healthCheck()));
        s3.ifPresent(backend -> checks.add(backend.healthCheck()));
        return checks;
    }

    void stopWeb(@Disposes TenantryWeb web) {
        web.close();
    }
}
