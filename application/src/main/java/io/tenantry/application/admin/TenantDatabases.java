package io.tenantry.application.admin;

import io.tenantry.kernel.context.TenantId;
import io.tenantry.kernel.policy.BypassRls;

/**
 * Moves a tenant between the shared database and a database of its own: creates, migrates and registers the new
 * database, records in the tenant's entry where its rows live, and retires the database again. It moves no rows:
 * a tenant that holds rows where it leaves is refused, so nothing is left behind out of its sight.
 */
public interface TenantDatabases {

    /** Gives {@code tenant} a database of its own. Bypass only. */
    @BypassRls(justification = "platform operators give a tenant a database of its own")
    DatabaseMove giveOwnDatabase(TenantId tenant);

    /** Retires {@code tenant}'s own database; its rows live in the shared database again. Bypass only. */
    @BypassRls(justification = "platform operators retire a tenant's own database")
    DatabaseMove retireOwnDatabase(TenantId tenant);
}
