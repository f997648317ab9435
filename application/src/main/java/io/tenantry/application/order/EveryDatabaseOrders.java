package io.tenantry.application.order;

import io.tenantry.kernel.policy.BypassRls;

/**
 * The newest orders of every tenant wherever its rows live: the shared database and each tenant's own. A database
 * that cannot be read is named in the answer instead of failing the whole listing, so an operator still sees every
 * other tenant's orders while one tenant's database is down.
 */
public interface EveryDatabaseOrders {

    /** At most {@code limit} orders, newest first, over every database. Runs only inside the audited bypass. */
    @BypassRls(justification = "platform operators list the orders of every tenant")
    NewestOrders newest(int limit);
}
