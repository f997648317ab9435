package io.tenantry.application.admin;

import io.tenantry.kernel.context.TenantId;
import io.tenantry.kernel.policy.BypassRls;

import java.time.Duration;

/**
 * Moves a tenant between the shared database and a database of its own: creates, migrates and registers the new
 * database, records in the tenant's entry where its rows live, and retires the database again. It moves no rows:
 * a tenant that holds rows where it leaves is refused, so nothing is left behind out of its sight.
 */
public interface TenantDatabases {

    /**
     * Gives {@code tenant} a database of its own, once it has been suspended for longer than {@code settle} (how long
     * an instance may trust an older reading of it). Bypass only.
     */
    @BypassRls(justification = "platform operators give a tenant a database of its own")
    DatabaseMove giveOwnDatabase(TenantId tenant, Duration settle);

    /**
     * Records that {@code tenant}'s rows live in the shared database again, under the same conditions; the database it
     * leaves is dropped by {@link #dropRetired} once that is committed. Bypass only.
     */
    @BypassRls(justification = "platform operators retire a tenant's own database")
    DatabaseMove retireOwnDatabase(TenantId tenant, Duration settle);

    /**
     * Drops {@code database}, which {@code tenant} no longer names, if it is that tenant's; whether it was dropped.
     * Bypass only.
     */
    @BypassRls(justification = "platform operators drop the database a tenant left")
    boolean dropRetired(TenantId tenant, String database);
}
