package io.tenantry.application.file;

import io.tenantry.kernel.context.TenantId;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What each tenant keeps and has reserved for uploads in progress, checked against its quota. A tenant's entry is
 * seeded once from its storage's listing, then kept by this process: every upload reserves room before it reads a
 * byte and settles with its real size, under the tenant's lock, so uploads running at once can never together take a
 * tenant above its quota. Reservations of replacements count only what they add, and an upload that fails gives
 * its reservation back.
 *
 * <p>The count is per process: several instances serving one tenant each hold their own, so together they could
 * let it exceed its quota by what the others stored since they seeded.
 */
final class QuotaLedger {

    /** Room held for one upload until it settles or is released. */
    record Reservation(TenantId tenant, long bytes, boolean newFile, long replacedBytes, long limit) {
    }

    /** The counters of one tenant. */
    private static final class Usage {
        boolean seeded;
        long bytes;
        long files;
        long reservedBytes;
        long reservedFiles;
    }

    private final ConcurrentHashMap<TenantId, Usage> tenants = new ConcurrentHashMap<>();

    /**
     * Reserves room for an upload of {@code tenant}: {@code declared} bytes when the length is known, otherwise as
     * much as fits up to {@code maxFileBytes} (the reservation's {@code limit} is then what the upload may read).
     */
    Reservation reserve(TenantId tenant, StorageQuota quota, Supplier<StorageUsage> seed, long declared,
                        long maxFileBytes, long replacedBytes, boolean newFile) {
        Usage usage = tenants.computeIfAbsent(tenant, id -> new Usage());
        synchronized (usage) {
            if (!usage.seeded) {
                StorageUsage stored = seed.get();
                usage.bytes = stored.bytes();
                usage.files = stored.files();
                usage.seeded = true;
            }
            if (newFile && usage.files + usage.reservedFiles + 1 > quota.maxFiles()) {
                throw new QuotaExceeded(QuotaExceeded.Limit.FILES, quota.maxFiles());
            }
            long room = quota.maxBytes() - usage.bytes - usage.reservedBytes + replacedBytes;
            long limit = declared >= 0 ? declared : Math.min(maxFileBytes, room);
            if (limit > room || limit < 0) {
                throw new QuotaExceeded(QuotaExceeded.Limit.BYTES, quota.maxBytes());
            }
            long reserved = Math.max(0, limit - replacedBytes);
            usage.reservedBytes += reserved;
            usage.reservedFiles += newFile ? 1 : 0;
            return new Reservation(tenant, reserved, newFile, replacedBytes, limit);
        }
    }

    /** The upload of {@code reservation} stored {@code size} bytes. */
    void settle(Reservation reservation, long size) {
        Usage usage = tenants.get(reservation.tenant());
        synchronized (usage) {
            release(usage, reservation);
            usage.bytes += size - reservation.replacedBytes();
            usage.files += reservation.newFile() ? 1 : 0;
        }
    }

    /** The upload of {@code reservation} stored nothing. */
    void release(Reservation reservation) {
        Usage usage = tenants.get(reservation.tenant());
        synchronized (usage) {
            release(usage, reservation);
        }
    }

    /** A file of {@code size} bytes was deleted. */
    void deleted(TenantId tenant, long size) {
        Usage usage = tenants.get(tenant);
        if (usage == null) {
            return;
        }
        synchronized (usage) {
            if (usage.seeded) {
                usage.bytes -= size;
                usage.files -= 1;
            }
        }
    }

    private static void release(Usage usage, Reservation reservation) {
        usage.reservedBytes -= reservation.bytes();
        usage.reservedFiles -= reservation.newFile() ? 1 : 0;
    }
}
