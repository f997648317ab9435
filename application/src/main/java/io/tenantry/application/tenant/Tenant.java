package io.tenantry.application.tenant;

import io.tenantry.kernel.context.TenantId;
import io.tenantry.kernel.context.Tier;

import java.util.Objects;
import java.util.Optional;

/**
 * A tenant as the control plane knows it.
 *
 * @param id     its slug
 * @param name   its display name, 1..200 characters
 * @param tier   its commercial tier
 * @param status whether it may use the service
 * @param ownDatabase the name of the database of its own its rows live in; empty when they live in the shared one
 */
public record Tenant(TenantId id, String name, Tier tier, TenantStatus status, Optional<String> ownDatabase) {

    public static final int MAX_NAME_LENGTH = 200;

    public Tenant {
        Objects.requireNonNull(id, "'id' must not be null");
        Objects.requireNonNull(tier, "'tier' must not be null");
        Objects.requireNonNull(status, "'status' must not be null");
        Objects.requireNonNull(name, "'name' must not be null");
        Objects.requireNonNull(ownDatabase, "'ownDatabase' must not be null");
        name = name.strip();
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("'name' must be 1.." + MAX_NAME_LENGTH + " characters");
        }
    }

    /** A tenant whose rows live in the shared database. */
    public Tenant(TenantId id, String name, Tier tier, TenantStatus status) {
        this(id, name, tier, status, Optional.empty());
    }

    public boolean active() {
        return status == TenantStatus.ACTIVE;
    }

    public Tenant with(Tier newTier, TenantStatus newStatus) {
        return new Tenant(id, name, newTier, newStatus, ownDatabase);
    }

    /** The same tenant with its rows in {@code database}, or in the shared database when empty. */
    public Tenant livingIn(Optional<String> database) {
        return new Tenant(id, name, tier, status, database);
    }
}
