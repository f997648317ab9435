package io.tenantry.kernel.audit;

import java.util.function.Function;

/**
 * Runs bypass work and its audit record as one atomic unit: if the audit record cannot be written, the work is
 * undone. The PostgreSQL adapter opens one transaction on the bypass role for both; an in-memory adapter
 * simply runs the work and then records.
 */
@FunctionalInterface
public interface BypassTransaction {

    /** Runs {@code work} with the audit log of the same unit; commits only if both the work and the record succeed. */
    <T> T atomically(Function<AuditLog, T> work);
}
