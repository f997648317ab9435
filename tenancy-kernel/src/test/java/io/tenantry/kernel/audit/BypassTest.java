package io.tenantry.kernel.audit;

import io.tenantry.kernel.context.BypassScope;
import io.tenantry.kernel.context.RequestOrigin;
import io.tenantry.kernel.context.MissingTenantContext;
import io.tenantry.kernel.context.TenantContext;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static io.tenantry.kernel.testing.TwoTenants.ADMIN;
import static io.tenantry.kernel.testing.TwoTenants.MEMBER_A;
import static io.tenantry.kernel.testing.TwoTenants.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BypassTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final BypassRequest LIST_ORDERS =
            new BypassRequest("admin.orders.list", "all-tenants", "platform support");

    /** A unit of work with a commit: events and work effects become durable only if the whole unit succeeds. */
    static final class StagedTransactions implements BypassTransaction {
        final List<AuditEvent> durableEvents = new ArrayList<>();
        final List<String> durableEffects = new ArrayList<>();
        final List<String> pendingEffects = new ArrayList<>();
        boolean auditBroken;

        @Override
        public <T> T atomically(Function<AuditLog, T> work) {
            List<AuditEvent> pendingEvents = new ArrayList<>();
            pendingEffects.clear();
            AuditLog staged = new AuditLog() {
                @Override
                public void record(AuditEvent event) {
                    if (auditBroken) {
                        throw new IllegalStateException("audit store unavailable");
                    }
                    pendingEvents.add(event);
                }

                @Override
                public List<AuditEvent> newest(int limit) {
                    return List.copyOf(durableEvents);
                }
            };
            T result = work.apply(staged);
            durableEvents.addAll(pendingEvents);
            durableEffects.addAll(pendingEffects);
            return result;
        }
    }

    private final StagedTransactions transactions = new StagedTransactions();
    private final Bypass bypass = new Bypass(transactions, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aSuccessfulBypassWritesExactlyOneEventWithItsRowCount() {
        List<String> rows = as(ADMIN, () -> bypass.list(LIST_ORDERS, () -> List.of("o1", "o2", "o3")));
        assertEquals(3, rows.size());
        assertEquals(1, transactions.durableEvents.size());
        AuditEvent event = transactions.durableEvents.getFirst();
        assertEquals(AuditOutcome.SUCCESS, event.outcome());
        assertEquals(3, event.rows());
        assertEquals("root", event.actor());
        assertEquals(ADMIN.tenant(), event.actorTenant());
        assertEquals("admin.orders.list", event.action());
        assertEquals("all-tenants", event.targetScope());
        assertEquals("platform support", event.justification());
        assertEquals(NOW, event.at());
    }

    @Test
    void aFailingBypassWritesExactlyOneFailureEventAndRethrows() {
        IllegalStateException boom = new IllegalStateException("database went away");
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> as(ADMIN, () -> bypass.list(LIST_ORDERS, () -> {
                    throw boom;
                })));
        assertSame(boom, thrown);
        assertEquals(1, transactions.durableEvents.size());
        assertEquals(AuditOutcome.FAILURE, transactions.durableEvents.getFirst().outcome());
        assertEquals(0, transactions.durableEvents.getFirst().rows());
    }

    @Test
    void whenTheAuditRecordCannotBeWrittenTheWorkIsUndone() {
        transactions.auditBroken = true;
        assertThrows(IllegalStateException.class, () -> as(ADMIN, () -> bypass.call(LIST_ORDERS, () -> {
            transactions.pendingEffects.add("cross-tenant change");
            return 1;
        }, Integer::longValue)));
        assertTrue(transactions.durableEffects.isEmpty(), "the work must roll back with its audit record");
        assertTrue(transactions.durableEvents.isEmpty());

        transactions.auditBroken = false;
        as(ADMIN, () -> bypass.call(LIST_ORDERS, () -> {
            transactions.pendingEffects.add("cross-tenant change");
            return 1;
        }, Integer::longValue));
        assertEquals(List.of("cross-tenant change"), transactions.durableEffects);
    }

    @Test
    void theWorkSeesTheBypassMarkerAndTheCallerDoesNotAfterwards() {
        Optional<BypassScope> inside = as(ADMIN, () -> bypass.call(LIST_ORDERS, TenantContext::bypass, scope -> 0));
        assertEquals(Optional.of(new BypassScope("admin.orders.list", "platform support")), inside);
        as(ADMIN, () -> assertFalse(TenantContext.inBypass()));
    }

    @Test
    void aBypassNeedsAnIdentityAndAuditsNothingWithoutOne() {
        assertThrows(MissingTenantContext.class, () -> bypass.list(LIST_ORDERS, List::of));
        assertTrue(transactions.durableEvents.isEmpty());
    }

    @Test
    void eventsCarryTheRequestOriginAndTheRequestsDetails() {
        RequestOrigin origin = new RequestOrigin("req-7", "10.0.0.9");
        BypassRequest change = new BypassRequest("admin.tenants.change", "acme", "support", "tier=pro");
        TenantContext.call(ADMIN, origin, () -> bypass.call(change, () -> 1, Integer::longValue));
        AuditEvent event = transactions.durableEvents.getFirst();
        assertEquals("req-7", event.requestId());
        assertEquals("10.0.0.9", event.source());
        assertEquals("tier=pro", event.details());

        as(ADMIN, () -> bypass.list(LIST_ORDERS, List::of));
        AuditEvent withoutRequest = transactions.durableEvents.getLast();
        assertEquals("-", withoutRequest.requestId(), "work no request started says so");
        assertEquals("-", withoutRequest.source());
        assertEquals("", withoutRequest.details());
    }

    @Test
    void anOperatorsReasonIsRecordedWithTheOperationsOwnJustification() {
        RequestOrigin byHand = new RequestOrigin("cmd-1", "cli", "  TICKET-42 onboarding Acme ");
        TenantContext.call(ADMIN, byHand, () -> bypass.list(LIST_ORDERS, List::of));
        AuditEvent event = transactions.durableEvents.getFirst();
        assertEquals("platform support; reason: TICKET-42 onboarding Acme", event.justification());
        assertEquals("cli", event.source());

        TenantContext.call(ADMIN, new RequestOrigin("req-9", "10.0.0.9"), () -> bypass.list(LIST_ORDERS, List::of));
        assertEquals("platform support", transactions.durableEvents.getLast().justification(),
                "positive control: a request's origin adds no reason");
    }

    @Test
    void aRefusedAttemptIsOneRefusedEventOfTheCallerAndRunsNothing() {
        TenantContext.call(MEMBER_A, new RequestOrigin("req-8", "10.0.0.8"), () -> {
            bypass.refused(new BypassRequest("admin.refused", "GET /admin/orders", "an operator's operation"), "no admin role");
            return null;
        });
        assertEquals(1, transactions.durableEvents.size());
        AuditEvent event = transactions.durableEvents.getFirst();
        assertEquals(AuditOutcome.REFUSED, event.outcome());
        assertEquals(MEMBER_A.tenant(), event.actorTenant());
        assertEquals("no admin role", event.details());
        assertEquals("req-8", event.requestId());
        assertEquals(0, event.rows());
        assertThrows(MissingTenantContext.class, () -> bypass.refused(LIST_ORDERS, "anonymous"));
    }

        @Test
    void aRequestNeedsAJustification() {
        assertThrows(IllegalArgumentException.class, () -> new BypassRequest("admin.orders.list", "all-tenants", " "));
        assertThrows(IllegalArgumentException.class, () -> new BypassRequest("", "all-tenants", "support"));
    }
}
