package io.tenantry.bootstrap;

import io.tenantry.adapters.persistence.postgres.DedicatedDatabases;
import io.tenantry.application.idempotency.IdempotencyStore;
import io.tenantry.application.order.EveryDatabaseOrders;
import io.tenantry.application.order.OrderRepository;
import io.tenantry.application.admin.TenantDatabases;
import io.tenantry.application.tenant.Tenant;
import io.tenantry.application.tenant.TenantAccess;
import io.tenantry.application.tenant.TenantDirectory;
import io.tenantry.application.user.UserRepository;
import io.tenantry.bootstrap.contextual.ForTenantGroup;
import io.tenantry.bootstrap.contextual.TenantDefault;
import io.tenantry.kernel.audit.AuditLog;
import io.tenantry.kernel.context.TenantContext;
import io.tenantry.kernel.context.TenantId;
import io.tenantry.kernel.resolution.TenantGroup;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Where a tenant's rows live, as candidates of the repository ports: the shared database for every tenant, and for
 * the members of {@link DedicatedDatabaseTenants} their own. Business code injects {@code OrderRepository}; the
 * container reaches the current tenant's database on every call.
 *
 * <p>A dedicated candidate is {@code @Dependent}: it lives for one call and holds its tenant's database open for
 * exactly that call (a {@link DedicatedDatabases.Held}, let go by the disposer when the call returns), so the cap
 * on open pools never closes a database under a caller. The shared candidates are the shared database's own
 * repositories, one each: they bind the tenant on every statement themselves.
 */
@Singleton
public class DatabaseBeans {

    /**
     * The tenants with a database of their own, as a group the container asks on every repository call: those the
     * configuration declares, and those whose entry in the control plane names one (given at run time, maybe by
     * another instance). The entry is the one the request's access check read, so the request is routed by the
     * same reading that admitted it.
     */
    public record DedicatedDatabaseTenants(DedicatedDatabases databases, TenantAccess access) implements TenantGroup {
        @Override
        public boolean contains(TenantId tenant) {
            if (databases.declared(tenant)) {
                return true;
            }
            if (!TenantContext.current().map(identity -> identity.tenant().equals(tenant)).orElse(false)) {
                return false;
            }
            Optional<String> own = access.current().flatMap(Tenant::ownDatabase);
            own.ifPresent(database -> databases.adopt(tenant, database));
            return own.isPresent();
        }
    }

    @Produces
    @Singleton
    DedicatedDatabaseTenants dedicatedTenants(DatabaseRuntime database, TenantAccess access) {
        return new DedicatedDatabaseTenants(database.dedicated(), access);
    }

    /** Gives tenants databases of their own and retires them, inside the audited bypass. */
    @Produces
    @Singleton
    TenantDatabases tenantDatabases(DatabaseRuntime database) {
        return database.dedicated().moves(database.persistence());
    }

    /** The current tenant's own database, held open until the call that needed it returns. */
    @Produces
    @Dependent
    DedicatedDatabases.Held heldDatabase(DatabaseRuntime database) {
        return database.dedicated().hold(TenantContext.require("a tenant's own database").tenant());
    }

    void letGo(@Disposes DedicatedDatabases.Held held) {
        held.close();
    }

    @Produces
    @TenantDefault
    @Singleton
    OrderRepository sharedOrders(DatabaseRuntime database) {
        return database.persistence().orders();
    }

    @Produces
    @ForTenantGroup(DedicatedDatabaseTenants.class)
    @Dependent
    OrderRepository ownOrders(DedicatedDatabases.Held database) {
        return database.database().orders();
    }

    @Produces
    @TenantDefault
    @Singleton
    UserRepository sharedUsers(DatabaseRuntime database) {
        return database.persistence().users();
    }

    @Produces
    @ForTenantGroup(DedicatedDatabaseTenants.class)
    @Dependent
    UserRepository ownUsers(DedicatedDatabases.Held database) {
        return database.database().users();
    }

    @Produces
    @TenantDefault
    @Singleton
    IdempotencyStore sharedIdempotency(DatabaseRuntime database) {
        return database.persistence().idempotency();
    }

    @Produces
    @ForTenantGroup(DedicatedDatabaseTenants.class)
    @Dependent
    IdempotencyStore ownIdempotency(DedicatedDatabases.Held database) {
        return database.database().idempotency();
    }

    /** The operators' cross-tenant listing: the shared database and every dedicated one, merged. */
    @Produces
    @Singleton
    EveryDatabaseOrders everyDatabase(DatabaseRuntime database) {
        return database.dedicated().acrossAllDatabases(database.persistence());
    }

    /** The control plane lives in the shared database only. */
    @Produces
    @Singleton
    TenantDirectory tenants(DatabaseRuntime database) {
        return database.persistence().tenants();
    }

    @Produces
    @Singleton
    AuditLog auditLog(DatabaseRuntime database) {
        return database.persistence().audit();
    }
}
