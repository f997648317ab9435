package io.tenantry.adapters.persistence.postgres;

import io.tenantry.application.health.DependencyCheck;

/**
 * Whether PostgreSQL answers, asked on the breaker's own probe connection (never a pooled one): down at once while
 * the breaker is open, otherwise one bounded probe.
 */
final class PostgresHealthCheck implements DependencyCheck {

    private final DatabaseBreaker breaker;

    PostgresHealthCheck(DatabaseBreaker breaker) {
        this.breaker = breaker;
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public boolean up() {
        return !breaker.isOpen() && breaker.probeNow();
    }
}
