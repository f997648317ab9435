package io.tenantry.application.tenant;

import io.tenantry.kernel.context.TenantId;
import io.tenantry.kernel.policy.BypassRls;

import java.util.List;
import java.util.Optional;

/**
 * The control plane's list of tenants. {@link #current()} reads only the current tenant's own entry (what
 * authentication needs); the other methods cross tenants and run only inside the audited bypass.
 */
public interface TenantDirectory {

    /** The entry of the tenant bound to the current work, if it exists. */
    Optional<Tenant> current();

    /** Every tenant, by id. Bypass only. */
    @BypassRls(justification = "platform operators list every tenant")
    List<Tenant> listAll();

    /** Adds a tenant. Bypass only. */
    @BypassRls(justification = "platform operators provision tenants")
    void provision(Tenant tenant) throws TenantAlreadyExists;

    /** Replaces a tenant's tier and status; empty when there is no such tenant. Bypass only. */
    @BypassRls(justification = "platform operators change a tenant's tier or status")
    Optional<Tenant> update(Tenant tenant);

    /** Reads one tenant by id. Bypass only. */
    @BypassRls(justification = "platform operators read any tenant")
    Optional<Tenant> find(TenantId id);

    /** Thrown by {@link #provision} when the id is taken. */
    final class TenantAlreadyExists extends Exception {
        public TenantAlreadyExists(TenantId id) {
            super("a tenant with id '" + id + "' already exists");
        }
    }
}
