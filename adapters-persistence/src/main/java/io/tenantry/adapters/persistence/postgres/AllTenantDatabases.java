package io.tenantry.adapters.persistence.postgres;

import io.tenantry.application.health.DependencyUnavailable;
import io.tenantry.application.order.EveryDatabaseOrders;
import io.tenantry.application.order.NewestOrders;
import io.tenantry.application.order.TenantOrder;
import io.tenantry.kernel.context.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The cross-tenant reads over the shared database and every dedicated one (declared in the configuration, or named
 * by a tenant's entry), merged. A database that is down is
 * reported by name and left out; the others still answer.
 */
final class AllTenantDatabases implements EveryDatabaseOrders {

    private static final Logger LOG = LoggerFactory.getLogger(AllTenantDatabases.class);

    private final PostgresPersistence shared;
    private final DedicatedDatabases dedicated;

    AllTenantDatabases(PostgresPersistence shared, DedicatedDatabases dedicated) {
        this.shared = shared;
        this.dedicated = dedicated;
    }

    @Override
    public NewestOrders newest(int limit) {
        List<TenantOrder> all = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        java.util.SortedSet<TenantId> owners = new java.util.TreeSet<>(java.util.Comparator.comparing(TenantId::value));
        dedicated.tenants().stream().filter(dedicated::declared).forEach(owners::add);
        readInto(all, unreadable, NewestOrders.SHARED, () -> {
            shared.tenants().listAll().forEach(tenant -> tenant.ownDatabase().ifPresent(database -> {
                dedicated.adopt(tenant.id(), database);
                owners.add(tenant.id());
            }));
            return shared.orders().listAcrossTenants(limit);
        });
        for (TenantId tenant : owners) {
            readInto(all, unreadable, tenant.value(),
                    () -> dedicated.call(tenant, database -> database.orders().listAcrossTenants(limit)));
        }
        return new NewestOrders(all.stream().sorted(TenantOrder.NEWEST_FIRST).limit(limit).toList(), unreadable);
    }

    private static void readInto(List<TenantOrder> all, List<String> unreadable, String database,
                                 Supplier<List<TenantOrder>> read) {
        try {
            all.addAll(read.get());
        } catch (DependencyUnavailable down) {
            LOG.warn("the cross-tenant listing leaves out the {} database: {}", database, down.getMessage());
            unreadable.add(database);
        }
    }
}
