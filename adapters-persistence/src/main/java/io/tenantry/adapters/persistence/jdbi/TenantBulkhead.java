package io.tenantry.adapters.persistence.jdbi;

import io.tenantry.application.capacity.TenantBusy;
import io.tenantry.kernel.context.TenantContext;
import io.tenantry.kernel.context.TenantId;
import io.tenantry.kernel.context.TenantIdentity;
import io.tenantry.kernel.context.Tier;
import org.jdbi.v3.core.extension.ExtensionHandler;
import org.jdbi.v3.core.extension.ExtensionHandlerCustomizer;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds how many tenant-scoped SQL object calls one tenant runs at once, by tier, before any connection is taken
 * from the pool: a tenant over its bound waits up to {@link DatabaseWorkLimits#slotWait()} and is then refused with
 * {@link TenantBusy}, so its flood queues on its own slots and the pool stays free for other tenants. Slots are kept
 * per tenant and tier (a tier change takes new slots at once). Work inside the audited bypass is not bounded.
 */
final class TenantBulkhead implements ExtensionHandlerCustomizer {

    private record Slots(TenantId tenant, Tier tier) {
    }

    private final DatabaseWorkLimits limits;
    private final Map<Slots, Semaphore> slots = new ConcurrentHashMap<>();

    TenantBulkhead(DatabaseWorkLimits limits) {
        this.limits = limits;
    }

    @Override
    public ExtensionHandler customize(ExtensionHandler handler, Class<?> sqlObjectType, Method method) {
        return (config, target) -> {
            var attached = handler.attachTo(config, target);
            return (handleSupplier, args) -> {
                if (TenantContext.inBypass() || TenantContext.current().isEmpty()) {
                    return attached.invoke(handleSupplier, args);
                }
                TenantIdentity identity = TenantContext.require();
                int bound = limits.concurrencyOf(identity.tier());
                Semaphore own = slots.computeIfAbsent(new Slots(identity.tenant(), identity.tier()),
                        key -> new Semaphore(bound, true));
                if (!own.tryAcquire(limits.slotWait().toNanos(), TimeUnit.NANOSECONDS)) {
                    throw new TenantBusy(identity.tenant().value(), bound);
                }
                try {
                    return attached.invoke(handleSupplier, args);
                } finally {
                    own.release();
                }
            };
        };
    }
}
