package io.tenantry.adapters.persistence.memory;

import io.tenantry.application.tenant.Tenant;
import io.tenantry.application.tenant.TenantDirectory;
import io.tenantry.kernel.context.TenantId;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The tenant list in memory. As in PostgreSQL, a tenant reads only its own entry outside the bypass. */
public final class InMemoryTenantDirectory implements TenantDirectory {

    private final Map<TenantId, Tenant> tenants = new ConcurrentHashMap<>();

    @Override
    public Optional<Tenant> current() {
        return Optional.ofNullable(tenants.get(InMemoryTenancy.tenant()));
    }

    @Override
    public List<Tenant> listAll() {
        InMemoryTenancy.requireBypass("listing tenants");
        return tenants.values().stream().sorted(Comparator.comparing(tenant -> tenant.id().value())).toList();
    }

    @Override
    public void provision(Tenant tenant) throws TenantAlreadyExists {
        InMemoryTenancy.requireBypass("provisioning a tenant");
        if (tenants.putIfAbsent(tenant.id(), tenant) != null) {
            throw new TenantAlreadyExists(tenant.id());
        }
    }

    @Override
    public Optional<Tenant> update(Tenant tenant) {
        InMemoryTenancy.requireBypass("changing a tenant");
        return Optional.ofNullable(tenants.computeIfPresent(tenant.id(), (id, old) -> tenant));
    }

    @Override
    public Optional<Tenant> find(TenantId id) {
        InMemoryTenancy.requireBypass("reading another tenant");
        return Optional.ofNullable(tenants.get(id));
    }
}
