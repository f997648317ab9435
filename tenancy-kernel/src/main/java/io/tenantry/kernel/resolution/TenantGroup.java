package io.tenantry.kernel.resolution;

import io.tenantry.kernel.context.TenantId;

/**
 * A set of tenants whose membership is decided at run time rather than declared: the tenants with a database of
 * their own, a beta cohort, the tenants of one region. A port may have a candidate for a group; it is chosen for a
 * member that has no candidate of its own, ahead of the member's tier.
 *
 * <p>Membership must be cheap and free of I/O (it is asked on every call of the port) and must change only through
 * an operator's action, so that between two such actions the same tenant always reaches the same candidate.
 */
@FunctionalInterface
public interface TenantGroup {

    boolean contains(TenantId tenant);
}
