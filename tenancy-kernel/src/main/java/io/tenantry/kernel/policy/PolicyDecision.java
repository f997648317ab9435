package io.tenantry.kernel.policy;

import java.util.Objects;

/** The outcome of asking the {@link PolicyEngine} whether a call may proceed, and how far it may reach. */
public sealed interface PolicyDecision {

    /** The call may proceed, limited to {@code reach}. */
    record Allowed(Reach reach) implements PolicyDecision {
        public Allowed {
            Objects.requireNonNull(reach, "'reach' must not be null");
        }
    }

    /** The call must not proceed, for {@code reason}. */
    record Denied(String reason) implements PolicyDecision {
        public Denied {
            Objects.requireNonNull(reason, "'reason' must not be null");
        }
    }

    /** Which rows an allowed call may touch. */
    enum Reach {
        /** Only the current tenant's rows: the SQL filter and RLS both apply. */
        OWN_TENANT,
        /** Every tenant's rows: only inside the audited bypass. */
        ALL_TENANTS
    }

    default boolean allowed() {
        return this instanceof Allowed;
    }

    /** Throws {@link AccessDenied} unless allowed; returns the reach otherwise. */
    default Reach orThrow() {
        return switch (this) {
            case Allowed(Reach reach) -> reach;
            case Denied(String reason) -> throw new AccessDenied(reason);
        };
    }
}
