package io.tenantry.kernel.audit;

import io.tenantry.kernel.context.TenantId;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One audited cross-tenant operation: append-only, never updated.
 *
 * @param id            unique id of the event
 * @param at            when the work finished
 * @param actor         the subject that asked for it
 * @param actorTenant   the actor's home tenant
 * @param action        what was done, e.g. {@code admin.orders.list}
 * @param targetScope   whose data it reached, e.g. {@code all-tenants}
 * @param justification why it was allowed to cross tenants
 * @param outcome       whether it completed
 * @param rows          how many rows it returned or changed (0 when it failed or was refused)
 * @param requestId     the id of the request that asked for it ({@code -} when no request did)
 * @param source        the address the request came from ({@code -} when no request did)
 * @param details       what it set or why it was refused, e.g. {@code tier=enterprise status=suspended}; may be empty
 */
public record AuditEvent(
        UUID id,
        Instant at,
        String actor,
        TenantId actorTenant,
        String action,
        String targetScope,
        String justification,
        AuditOutcome outcome,
        long rows,
        String requestId,
        String source,
        String details) {

    public AuditEvent {
        Objects.requireNonNull(id, "'id' must not be null");
        Objects.requireNonNull(at, "'at' must not be null");
        Objects.requireNonNull(actor, "'actor' must not be null");
        Objects.requireNonNull(actorTenant, "'actorTenant' must not be null");
        Objects.requireNonNull(action, "'action' must not be null");
        Objects.requireNonNull(targetScope, "'targetScope' must not be null");
        Objects.requireNonNull(justification, "'justification' must not be null");
        Objects.requireNonNull(outcome, "'outcome' must not be null");
        Objects.requireNonNull(requestId, "'requestId' must not be null");
        Objects.requireNonNull(source, "'source' must not be null");
        Objects.requireNonNull(details, "'details' must not be null");
        if (rows < 0) {
            throw new IllegalArgumentException("'rows' must not be negative");
        }
    }
}
