package io.tenantry.application.file;

import io.tenantry.application.file.FileUseCases.DeleteFileUseCase;
import io.tenantry.application.file.FileUseCases.ListFilesUseCase;
import io.tenantry.application.file.FileUseCases.ReadFileUseCase;
import io.tenantry.application.file.FileUseCases.StoreFileUseCase;
import io.tenantry.kernel.context.TenantContext;
import io.tenantry.kernel.storage.ObjectContent;
import io.tenantry.kernel.storage.ObjectKey;
import io.tenantry.kernel.storage.ObjectPage;
import io.tenantry.kernel.storage.ObjectStorage;
import io.tenantry.kernel.storage.ObjectTooLarge;
import io.tenantry.kernel.storage.PutOutcome;
import io.tenantry.kernel.storage.StoredObject;

import java.util.Optional;

/**
 * The file use cases of the current tenant, in whatever backend its tier resolves to. An upload takes a slot of the
 * {@link UploadBounds} and room in the tenant's quota ({@link QuotaLedger}) before it reads a byte, and holds the
 * lock of its file name until it is stored; one whose announced length is over the limit is refused before any of
 * that. One instance serves the process: the slots and the ledger are its state.
 */
public final class FileService implements StoreFileUseCase, ReadFileUseCase, ListFilesUseCase, DeleteFileUseCase {

    private final ObjectStorage storage;
    private final long maxFileBytes;
    private final UploadSlots slots;
    private final TierQuotas quotas;
    private final QuotaLedger ledger = new QuotaLedger();
    private final KeyLocks locks = new KeyLocks();

    public FileService(ObjectStorage storage, long maxFileBytes, UploadBounds bounds, TierQuotas quotas) {
        if (maxFileBytes < 1) {
            throw new IllegalArgumentException("'maxFileBytes' must be positive");
        }
        this.storage = storage;
        this.maxFileBytes = maxFileBytes;
        this.slots = new UploadSlots(bounds);
        this.quotas = quotas;
    }

    @Override
    public PutOutcome store(StoreFileCommand command) {
        long declared = command.declaredLength().orElse(-1);
        if (declared > maxFileBytes) {
            throw new ObjectTooLarge(maxFileBytes);
        }
        StorageQuota quota = quotas.quotaFor(TenantContext.require("a file upload").tier());
        ObjectKey key = command.key();
        try (UploadSlots.Slot slot = slots.acquire(key.tenant()); KeyLocks.Held lock = locks.lock(key)) {
            Optional<StoredObject> existing = storage.stat(key);
            QuotaLedger.Reservation reservation = ledger.reserve(key.tenant(), quota, this::usage, declared,
                    maxFileBytes, existing.map(StoredObject::size).orElse(0L), existing.isEmpty());
            PutOutcome outcome;
            try {
                outcome = storage.put(key, command.content(), command.contentType(), reservation.limit());
            } catch (ObjectTooLarge tooLarge) {
                ledger.release(reservation);
                throw reservation.limit() < maxFileBytes && declared < 0
                        ? new QuotaExceeded(QuotaExceeded.Limit.BYTES, quota.maxBytes()) : new ObjectTooLarge(maxFileBytes);
            } catch (RuntimeException failure) {
                ledger.release(reservation);
                throw failure;
            }
            ledger.settle(reservation, outcome.object().size());
            return outcome;
        }
    }

    /** Uploads in progress in this process, for the metrics: a value near the bound says the bound is what waits. */
    public int uploadsInProgress() {
        return slots.inProgress();
    }

    @Override
    public Optional<ObjectContent> read(ObjectKey key) {
        return storage.get(key);
    }

    @Override
    public ObjectPage list(Optional<FileCursor> after, int limit) {
        return storage.list(after.map(FileCursor::after), limit);
    }

    @Override
    public boolean delete(ObjectKey key) {
        try (KeyLocks.Held lock = locks.lock(key)) {
            Optional<StoredObject> existing = storage.stat(key);
            boolean deleted = storage.delete(key);
            if (deleted) {
                ledger.deleted(key.tenant(), existing.map(StoredObject::size).orElse(0L));
            }
            return deleted;
        }
    }

    /** The current tenant's usage from its storage's listing, page by page. */
    private StorageUsage usage() {
        long bytes = 0;
        long files = 0;
        Optional<String> after = Optional.empty();
        do {
            ObjectPage page = storage.list(after, ObjectPage.MAX_LIMIT);
            for (var object : page.items()) {
                bytes += object.size();
                files++;
            }
            after = page.nextAfter();
        } while (after.isPresent());
        return new StorageUsage(bytes, files);
    }
}
