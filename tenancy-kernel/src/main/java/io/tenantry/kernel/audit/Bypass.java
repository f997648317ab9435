package io.tenantry.kernel.audit;

import io.tenantry.kernel.context.BypassScope;
import io.tenantry.kernel.context.RequestOrigin;
import io.tenantry.kernel.context.TenantContext;
import io.tenantry.kernel.context.TenantIdentity;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * The only way to run work across tenants. Every call writes exactly one {@link AuditEvent}: on success in the
 * same transaction as the work (so a failed audit write undoes the work), on failure in a transaction of its
 * own after the work rolled back. While the work and its record run, {@link TenantContext#bypass()} is present,
 * which is what lets adapters use the bypass role and keeps tenant caches from being filled with cross-tenant rows.
 */
public final class Bypass {

    private final BypassTransaction transactions;
    private final Clock clock;

    public Bypass(BypassTransaction transactions, Clock clock) {
        this.transactions = Objects.requireNonNull(transactions, "'transactions' must not be null");
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
    }

    /** Runs {@code work} across tenants and audits it, counting rows with {@code rowCount}. */
    public <T> T call(BypassRequest request, Supplier<T> work, ToLongFunction<? super T> rowCount) {
        Objects.requireNonNull(request, "'request' must not be null");
        Objects.requireNonNull(work, "'work' must not be null");
        Objects.requireNonNull(rowCount, "'rowCount' must not be null");
        TenantIdentity actor = TenantContext.require("a bypass");
        BypassScope scope = new BypassScope(request.action(), request.justification());
        try {
            return TenantContext.callInBypass(scope, () -> transactions.atomically(audit -> {
                T result = work.get();
                audit.record(event(actor, request, AuditOutcome.SUCCESS, rowCount.applyAsLong(result)));
                return result;
            }));
        } catch (RuntimeException | Error failure) {
            recordFailure(actor, request, scope, failure);
            throw failure;
        }
    }

    /**
     * Records that the current caller asked for {@code request} and was refused before anything ran, with
     * {@code reason}. The caller is whoever the context names, so a tenant probing an operator's door is on record.
     */
    public void refused(BypassRequest request, String reason) {
        Objects.requireNonNull(request, "'request' must not be null");
        Objects.requireNonNull(reason, "'reason' must not be null");
        TenantIdentity actor = TenantContext.require("an audited refusal");
        BypassRequest withReason = new BypassRequest(request.action(), request.targetScope(), request.justification(),
                reason);
        TenantContext.callInBypass(new BypassScope(request.action(), request.justification()), () -> transactions.atomically(audit -> {
            audit.record(event(actor, withReason, AuditOutcome.REFUSED, 0));
            return null;
        }));
    }

    /** Runs a cross-tenant read that returns rows, auditing how many. */
    public <E> List<E> list(BypassRequest request, Supplier<List<E>> work) {
        return call(request, work, List::size);
    }

    private void recordFailure(TenantIdentity actor, BypassRequest request, BypassScope scope, Throwable failure) {
        try {
            TenantContext.callInBypass(scope, () -> transactions.atomically(audit -> {
                audit.record(event(actor, request, AuditOutcome.FAILURE, 0));
                return null;
            }));
        } catch (RuntimeException auditFailure) {
            failure.addSuppressed(auditFailure);
        }
    }

    private AuditEvent event(TenantIdentity actor, BypassRequest request, AuditOutcome outcome, long rows) {
        RequestOrigin origin = TenantContext.origin();
        return new AuditEvent(UUID.randomUUID(), clock.instant(), actor.subject(), actor.tenant(),
                request.action(), request.targetScope(), justification(request, origin), outcome, rows,
                origin.requestId(), origin.source(), request.details());
    }

    /** The operation's own justification, and the operator's reason when a person gave one. */
    private static String justification(BypassRequest request, RequestOrigin origin) {
        return origin.reason().isEmpty() ? request.justification()
                : request.justification() + "; reason: " + origin.reason();
    }
}
