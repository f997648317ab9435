package io.tenantry.application.health;

import java.util.Map;

/** The in-port behind {@code /health}: how each dependency is doing, and whether the service can serve. */
public interface CheckHealthUseCase {

    HealthReport check();

    /** Whether the service serves, and each dependency by name, in the order they were declared. */
    record HealthReport(Status status, Map<String, Boolean> dependencies) {
        public HealthReport {
            dependencies = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(dependencies));
        }
    }

    /** UP: all answer; DEGRADED: a dependency it can do without is down; DOWN: a critical one is. */
    enum Status { UP, DEGRADED, DOWN }
}
