package io.tenantry.application.file;

import io.tenantry.kernel.context.TenantId;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The uploads in progress, counted against {@link UploadBounds}. A slot is taken without waiting: an upload over a
 * bound is refused at once ({@link UploadsBusy}) rather than queued, since a queued upload would still hold its
 * request thread and connection, which is what the bound protects.
 */
public final class UploadSlots {

    private final UploadBounds bounds;
    private final Semaphore total;
    private final ConcurrentHashMap<TenantId, Integer> perTenant = new ConcurrentHashMap<>();

    public UploadSlots(UploadBounds bounds) {
        this.bounds = bounds;
        this.total = new Semaphore(bounds.total());
    }

    /** A slot for one upload of {@code tenant}, to be closed when the upload ends however it ends. */
    public Slot acquire(TenantId tenant) {
        boolean[] taken = {false};
        perTenant.compute(tenant, (id, count) -> {
            int current = count == null ? 0 : count;
            if (current >= bounds.perTenant()) {
                return count;
            }
            taken[0] = true;
            return current + 1;
        });
        if (!taken[0]) {
            throw new UploadsBusy(UploadsBusy.Bound.TENANT, bounds.perTenant());
        }
        if (!total.tryAcquire()) {
            releaseTenant(tenant);
            throw new UploadsBusy(UploadsBusy.Bound.SERVICE, bounds.total());
        }
        return new Slot(tenant);
    }

    /** Uploads of all tenants in progress. */
    public int inProgress() {
        return bounds.total() - total.availablePermits();
    }

    /** Uploads of {@code tenant} in progress. */
    public int inProgress(TenantId tenant) {
        return perTenant.getOrDefault(tenant, 0);
    }

    private void releaseTenant(TenantId tenant) {
        perTenant.computeIfPresent(tenant, (id, count) -> count <= 1 ? null : count - 1);
    }

    /** One upload's share of the bounds; closing it twice releases once. */
    public final class Slot implements AutoCloseable {

        private final TenantId tenant;
        private final AtomicBoolean open = new AtomicBoolean(true);

        private Slot(TenantId tenant) {
            this.tenant = tenant;
        }

        @Override
        public void close() {
            if (open.compareAndSet(true, false)) {
                total.release();
                releaseTenant(tenant);
            }
        }
    }
}
