package io.tenantry.bootstrap;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tenantry.adapters.persistence.memory.InMemoryRateLimiter;
import io.tenantry.adapters.persistence.memory.InMemoryTenantCache;
import io.tenantry.adapters.persistence.postgres.PostgresHealthCheck;
import io.tenantry.adapters.persistence.redis.RedisConnection;
import io.tenantry.adapters.persistence.redis.RedisRateLimiter;
import io.tenantry.adapters.web.TenantryWeb;
import io.tenantry.application.admin.AdminService;
import io.tenantry.application.idempotency.IdempotencyStore;
import io.tenantry.application.order.OrderRepository;
import io.tenantry.application.order.OrderService;
import io.tenantry.application.tenant.TenantAccess;
import io.tenantry.application.tenant.TenantDirectory;
import io.tenantry.application.user.UserRepository;
import io.tenantry.application.user.UserService;
import io.tenantry.kernel.audit.AuditLog;
import io.tenantry.kernel.audit.Bypass;
import io.tenantry.kernel.cache.TenantCache;
import io.tenantry.kernel.limits.RateLimiter;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

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

    @Produces
    @Singleton
    DatabaseRuntime database(TenantryConfig config, Clock clock) {
        return DatabaseRuntime.start(config, clock);
    }

    void closeDatabase(@Disposes DatabaseRuntime database) {
        database.close();
    }

    @Produces
    @Singleton
    OrderRepository orders(DatabaseRuntime database) {
        return database.persistence().orders();
    }

    @Produces
    @Singleton
    UserRepository users(DatabaseRuntime database) {
        return database.persistence().users();
    }

    @Produces
    @Singleton
    TenantDirectory tenants(DatabaseRuntime database) {
        return database.persistence().tenants();
    }

    @Produces
    @Singleton
    AuditLog auditLog(DatabaseRuntime database) {
        return database.persistence().audit();
    }

    @Produces
    @Singleton
    IdempotencyStore idempotency(DatabaseRuntime database) {
        return database.persistence().idempotency();
    }

    @Produces
    @Singleton
    TenantCache tenantCache(Clock clock) {
        return new InMemoryTenantCache(clock);
    }

    @Produces
    @Singleton
    RateLimiter rateLimiter(TenantryConfig config, Clock clock) {
        return config.redisUrl()
                .<RateLimiter>map(url -> new RedisRateLimiter(RedisConnection.connect(url), "tenantry:limits:"))
                .orElseGet(() -> new InMemoryRateLimiter(clock));
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

    @Produces
    @Singleton
    PrometheusMeterRegistry metrics() {
        return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    }

    @Produces
    @Singleton
    TenantryWeb web(TenantryConfig config, OrderService orders, UserService users, AdminService admin,
                    TenantAccess access, IdempotencyStore idempotency, RateLimiter limiter, DatabaseRuntime database,
                    PrometheusMeterRegistry metrics) {
        return new TenantryWeb(config.web(), new TenantryWeb.Services(orders, users, admin, access, idempotency,
                limiter, config.limits(), List.of(new PostgresHealthCheck(database.persistence().applicationDataSource()))),
                metrics);
    }

    void stopWeb(@Disposes TenantryWeb web) {
        web.close();
    }
}
