package io.tenantry.adapters.persistence.postgres;

import io.tenantry.application.admin.DatabaseMove;
import io.tenantry.application.admin.TenantDatabases;
import io.tenantry.application.health.DependencyUnavailable;
import io.tenantry.application.tenant.Tenant;
import io.tenantry.kernel.context.TenantId;
import io.tenantry.kernel.policy.BypassRls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;

/**
 * Gives a tenant a database of its own on the shared database's server, and retires it. Each move first locks the
 * tenant's entry for the bypass's transaction, so two moves of one tenant, from any instances, run one after the
 * other. The order of the steps makes a stop half-way harmless: the new database is created, marked, migrated and
 * registered before the entry names it (until then every instance routes the tenant to the shared database, where
 * it holds no rows); a retired database is dropped only after the entry that no longer names it is committed.
 */
final class OwnDatabaseMoves implements TenantDatabases {

    private static final Logger LOG = LoggerFactory.getLogger(OwnDatabaseMoves.class);
    private static final String DATABASE_MISSING = "3D000";

    private final PostgresPersistence shared;
    private final DedicatedDatabases dedicated;

    OwnDatabaseMoves(PostgresPersistence shared, DedicatedDatabases dedicated) {
        this.shared = shared;
        this.dedicated = dedicated;
    }

    @Override
    public DatabaseMove giveOwnDatabase(TenantId tenant, Duration settle) {
        Optional<DatabaseMove> refused = lockedAndSettled(tenant, settle);
        if (refused.isPresent()) {
            return refused.get();
        }
        Tenant entry = shared.tenants().find(tenant).orElseThrow();
        if (dedicated.declared(tenant) || entry.ownDatabase().isPresent()) {
            return new DatabaseMove.AlreadyThere();
        }
        long rows = shared.tenants().rowsOf(tenant);
        if (rows > 0) {
            return new DatabaseMove.HoldsRows(rows);
        }
        Optional<String> cannot = dedicated.whyNoProvisioning();
        if (cannot.isPresent()) {
            return new DatabaseMove.CannotProvision(cannot.get());
        }
        String name = dedicated.nameFor(tenant);
        try {
            dedicated.create(tenant, name);
        } catch (DedicatedDatabases.ProvisioningRefused refusedHere) {
            LOG.warn("{} gets no database of its own: {}", tenant, refusedHere.getMessage());
            return new DatabaseMove.CannotProvision(refusedHere.getMessage());
        }
        shared.tenants().placeInOwnDatabase(tenant, name);
        dedicated.adopt(tenant, name);
        LOG.info("{} lives in a database of its own once this is committed: {}", tenant, name);
        return new DatabaseMove.Moved(shared.tenants().find(tenant).orElseThrow());
    }

    @Override
    public DatabaseMove retireOwnDatabase(TenantId tenant, Duration settle) {
        Optional<DatabaseMove> refused = lockedAndSettled(tenant, settle);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (dedicated.declared(tenant)) {
            return new DatabaseMove.DeclaredInConfiguration();
        }
        Optional<String> own = shared.tenants().find(tenant).orElseThrow().ownDatabase();
        if (own.isEmpty()) {
            return new DatabaseMove.AlreadyThere();
        }
        Optional<String> cannot = dedicated.whyNoProvisioning();
        if (cannot.isPresent()) {
            return new DatabaseMove.CannotProvision(cannot.get());
        }
        dedicated.adopt(tenant, own.get());
        long rows = rowsInOwn(tenant);
        if (rows > 0) {
            return new DatabaseMove.HoldsRows(rows);
        }
        shared.tenants().placeInSharedDatabase(tenant, own.get());
        dedicated.forget(tenant);
        LOG.info("{} lives in the shared database again once this is committed; {} is to be dropped", tenant, own.get());
        return new DatabaseMove.Retired(shared.tenants().find(tenant).orElseThrow(), own.get());
    }

    @Override
    public boolean dropRetired(TenantId tenant, String database) {
        if (shared.tenants().lockForMove(tenant).isEmpty()) {
            return false;
        }
        if (shared.tenants().find(tenant).flatMap(Tenant::ownDatabase).filter(database::equals).isPresent()) {
            LOG.warn("{} names {} again; it is not dropped", tenant, database);
            return false;
        }
        try {
            return dedicated.drop(tenant, database);
        } catch (DedicatedDatabases.ProvisioningRefused refused) {
            LOG.warn("the database {} that {} left stays: {}", database, tenant, refused.getMessage());
            return false;
        }
    }

    /**
     * Locks the tenant's entry; why its rows may not move now, if they may not: it must exist and have been suspended
     * for longer than {@code settle}, so that no instance still trusts a reading of it as active.
     */
    @BypassRls(justification = "platform operators move one tenant's rows at a time")
    private Optional<DatabaseMove> lockedAndSettled(TenantId tenant, Duration settle) {
        Optional<Duration> inStatus = shared.tenants().lockForMove(tenant);
        if (inStatus.isEmpty()) {
            return Optional.of(new DatabaseMove.UnknownTenant());
        }
        Tenant entry = shared.tenants().find(tenant).orElseThrow();
        if (entry.active()) {
            return Optional.of(new DatabaseMove.StillActive());
        }
        Duration wait = settle.minus(inStatus.get());
        return wait.isNegative() || wait.isZero() ? Optional.empty()
                : Optional.of(new DatabaseMove.SuspendedTooRecently(wait));
    }

    /** The tenant's rows in its own database; none when that database is gone already. */
    @BypassRls(justification = "platform operators check that a tenant leaves no rows behind when its rows move")
    private long rowsInOwn(TenantId tenant) {
        try {
            return dedicated.call(tenant, database -> database.tenants().rowsOf(tenant));
        } catch (DependencyUnavailable unavailable) {
            for (Throwable cause = unavailable; cause != null; cause = cause.getCause()) {
                if (cause instanceof java.sql.SQLException sql && DATABASE_MISSING.equals(sql.getSQLState())) {
                    return 0;
                }
            }
            throw unavailable;
        }
    }
}
