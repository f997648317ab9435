package io.tenantry.adapters.persistence.memory;

import io.tenantry.kernel.audit.AuditEvent;
import io.tenantry.kernel.audit.AuditLog;
import io.tenantry.kernel.audit.BypassTransaction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The audit log in memory: append-only, newest first on reading. It is also its own {@link BypassTransaction}:
 * bypass work and its record run under one lock, and an event is appended only after the work returned.
 */
public final class InMemoryAuditLog implements AuditLog, BypassTransaction {

    private final List<AuditEvent> events = new ArrayList<>();

    @Override
    public synchronized void record(AuditEvent event) {
        events.add(event);
    }

    @Override
    public synchronized List<AuditEvent> newest(int limit) {
        InMemoryTenancy.requireBypass("reading the audit log");
        return events.reversed().stream().sorted(Comparator.comparing(AuditEvent::at).reversed()).limit(limit).toList();
    }

    @Override
    public synchronized <T> T atomically(Function<AuditLog, T> work) {
        List<AuditEvent> pending = new ArrayList<>();
        T result = work.apply(new AuditLog() {
            @Override
            public void record(AuditEvent event) {
                pending.add(event);
            }

            @Override
            public List<AuditEvent> newest(int limit) {
                return InMemoryAuditLog.this.newest(limit);
            }
        });
        events.addAll(pending);
        return result;
    }
}
