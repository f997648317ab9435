package io.tenantry.adapters.persistence.jdbi;

import org.jdbi.v3.core.config.JdbiConfig;

/** Carries a Jdbi instance's {@link DatabaseWorkLimits} to the statements it builds. */
public final class WorkLimitsConfig implements JdbiConfig<WorkLimitsConfig> {

    private DatabaseWorkLimits limits = DatabaseWorkLimits.defaults();

    public WorkLimitsConfig() {
    }

    private WorkLimitsConfig(WorkLimitsConfig other) {
        this.limits = other.limits;
    }

    DatabaseWorkLimits limits() {
        return limits;
    }

    WorkLimitsConfig limits(DatabaseWorkLimits limits) {
        this.limits = limits;
        return this;
    }

    @Override
    public WorkLimitsConfig createCopy() {
        return new WorkLimitsConfig(this);
    }
}
