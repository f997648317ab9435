package io.tenantry.application.health;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Asks every dependency the process uses; down is DOWN only when the dependency is critical. */
public final class HealthService implements CheckHealthUseCase {

    private final List<DependencyCheck> checks;

    public HealthService(List<DependencyCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    @Override
    public HealthReport check() {
        Map<String, Boolean> results = new LinkedHashMap<>();
        boolean ready = true;
        boolean degraded = false;
        for (DependencyCheck check : checks) {
            boolean up = check.up();
            results.put(check.name(), up);
            ready &= up || !check.critical();
            degraded |= !up;
        }
        return new HealthReport(!ready ? Status.DOWN : degraded ? Status.DEGRADED : Status.UP, results);
    }
}
