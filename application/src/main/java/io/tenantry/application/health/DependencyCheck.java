package io.tenantry.application.health;

/** One dependency the service needs (a database, a cache); {@code /health} reports each. */
public interface DependencyCheck {

    String name();

    /** Whether the dependency answers now; implementations bound the time they wait. */
    boolean up();
}
