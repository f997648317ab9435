package io.tenantry.adapters.persistence.jdbi;

/** Which database role a Jdbi instance connects as. */
public enum ConnectionRole {
    /** Row-level security applies; only the current tenant's rows. */
    APPLICATION,
    /** Reads across tenants; reachable only inside the audited bypass. */
    BYPASS
}
