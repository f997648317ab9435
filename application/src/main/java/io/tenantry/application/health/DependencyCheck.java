package io.tenantry.application.health;

/** One dependency the service needs (a database, a cache); {@code /health} reports each. */
public interface DependencyCheck {

    String name();

    /** Whether the dependency answers now; implementations bound the time they wait. */
    boolean up();

    /**
     * Whether the service is not ready while this dependency is down. A dependency the service can do without for a
     * while (serving degraded) is not critical: {@code /health} then says {@code DEGRADED} and stays 200.
     */
    default boolean critical() {
        return true;
    }
}
