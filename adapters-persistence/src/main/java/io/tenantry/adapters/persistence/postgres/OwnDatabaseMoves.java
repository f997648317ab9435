package io.tenantry.adapters.persistence.postgres;

import io.tenantry.application.admin.DatabaseMove;
import io.tenantry.application.admin.TenantDatabases;
import io.tenantry.application.tenant.Tenant;
import io.tenantry.kernel.context.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Gives a tenant a database of its own on the shared database's server, and retires it. The order of the steps is
 * what makes a stop half-way harmless: the new database is created, migrated and registered before the tenant's
 * entry names it (until then every instance routes the tenant to the shared database, where it holds no rows), and
 * the entry names the shared database again before the old one is dropped.
 */
final class OwnDatabaseMoves implements TenantDatabases {

    private static final Logger LOG = LoggerFactory.getLogger(OwnDatabaseMoves.class);

    private final PostgresPersistence shared;
    private final DedicatedDatabases dedicated;

    OwnDatabaseMoves(PostgresPersistence shared, DedicatedDatabases dedicated) {
        this.shared = shared;
        this.dedicated = dedicated;
    }

    @Override
    public DatabaseMove giveOwnDatabase(TenantId tenant) {
        Optional<Tenant> entry = shared.tenants().find(tenant);
        if (entry.isEmpty()) {
            return new DatabaseMove.UnknownTenant();
        }
        if (dedicated.declared(tenant) || entry.get().ownDatabase().isPresent()) {
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
        dedicated.create(tenant, name);
        shared.tenants().placeInOwnDatabase(tenant, name);
        dedicated.adopt(tenant, name);
        LOG.info("{} lives in a database of its own from now on: {}", tenant, name);
        return new DatabaseMove.Moved(shared.tenants().find(tenant).orElseThrow());
    }

    @Override
    public DatabaseMove retireOwnDatabase(TenantId tenant) {
        Optional<Tenant> entry = shared.tenants().find(tenant);
        if (entry.isEmpty()) {
            return new DatabaseMove.UnknownTenant();
        }
        if (dedicated.declared(tenant)) {
            return new DatabaseMove.DeclaredInConfiguration();
        }
        Optional<String> own = entry.get().ownDatabase();
        if (own.isEmpty()) {
            return new DatabaseMove.AlreadyThere();
        }
        Optional<String> cannot = dedicated.whyNoProvisioning();
        if (cannot.isPresent()) {
            return new DatabaseMove.CannotProvision(cannot.get());
        }
        dedicated.adopt(tenant, own.get());
        long rows = dedicated.call(tenant, database -> database.tenants().rowsOf(tenant));
        if (rows > 0) {
            return new DatabaseMove.HoldsRows(rows);
        }
        shared.tenants().placeInSharedDatabase(tenant);
        dedicated.forget(tenant);
        dedicated.drop(own.get());
        LOG.info("{} lives in the shared database again; {} was dropped", tenant, own.get());
        return new DatabaseMove.Moved(shared.tenants().find(tenant).orElseThrow());
    }
}
