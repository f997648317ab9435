package io.tenantry.adapters.persistence.jdbi;

import io.tenantry.application.tenant.Tenant;
import io.tenantry.application.tenant.TenantDirectory;
import io.tenantry.kernel.context.TenantId;
import io.tenantry.kernel.policy.BypassRls;
import org.jdbi.v3.core.Jdbi;

import java.util.List;
import java.util.Optional;

/** The tenant directory in PostgreSQL: own entry on the application role, the rest on the bypass role. */
public final class JdbiTenantDirectory implements TenantDirectory {

    private final TenantDao tenantScoped;
    private final TenantDao bypass;

    public JdbiTenantDirectory(Jdbi application, Jdbi bypass) {
        this.tenantScoped = application.onDemand(TenantDao.class);
        this.bypass = bypass.onDemand(TenantDao.class);
    }

    @Override
    public Optional<Tenant> current() {
        return tenantScoped.current();
    }

    @Override
    public List<Tenant> listAll() {
        return bypass.listAll();
    }

    @Override
    public void provision(Tenant tenant) throws TenantAlreadyExists {
        if (bypass.insert(tenant.id().value(), tenant.name(), tenant.tier().wireName(), tenant.status().wireName()) == 0) {
            throw new TenantAlreadyExists(tenant.id());
        }
    }

    @Override
    public Optional<Tenant> update(Tenant tenant) {
        int changed = bypass.update(tenant.id().value(), tenant.tier().wireName(), tenant.status().wireName());
        return changed == 1 ? bypass.find(tenant.id().value()) : Optional.empty();
    }

    @Override
    public Optional<Tenant> find(TenantId id) {
        return bypass.find(id.value());
    }

    /**
     * Records that {@code id}'s rows live in {@code database}, a database of its own, if they lived in the shared one.
     * Bypass only.
     */
    @BypassRls(justification = "platform operators move a tenant's rows to a database of its own")
    public boolean placeInOwnDatabase(TenantId id, String database) {
        return bypass.placeInOwnDatabase(id.value(), database) == 1;
    }

    /** Records that {@code id}'s rows live in the shared database, if they lived in {@code database}. Bypass only. */
    @BypassRls(justification = "platform operators move a tenant's rows back to the shared database")
    public boolean placeInSharedDatabase(TenantId id, String database) {
        return bypass.placeInSharedDatabase(id.value(), database) == 1;
    }

    /**
     * Locks {@code id}'s entry for the rest of the bypass's transaction, so that moves of one tenant's rows never
     * overlap; returns how long its status has been what it is, empty when there is no such tenant. Bypass only.
     */
    @BypassRls(justification = "platform operators move one tenant's rows at a time")
    public Optional<java.time.Duration> lockForMove(TenantId id) {
        return bypass.lockForMove(id.value()).map(java.time.Duration::ofMillis);
    }

    /** How many orders, users and idempotency keys of {@code id} this database holds. Bypass only. */
    @BypassRls(justification = "platform operators check that a tenant leaves no rows behind when its rows move")
    public long rowsOf(TenantId id) {
        return bypass.rowsOf(id.value());
    }
}
