package io.tenantry.application.capacity;

/**
 * The current tenant already has as much database work in flight as its tier allows, and no slot freed within the
 * wait. It is the tenant's own load that is refused (429), so one tenant's flood cannot take every pooled connection
 * from the others.
 */
public final class TenantBusy extends RuntimeException {

    public TenantBusy(String tenant, int concurrent) {
        super("tenant " + tenant + " already runs " + concurrent + " database operations at once");
    }
}
