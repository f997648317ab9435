package io.tenantry.application.file;

import io.tenantry.application.file.FileUseCases.DeleteFileUseCase;
import io.tenantry.application.file.FileUseCases.ListFilesUseCase;
import io.tenantry.application.file.FileUseCases.ReadFileUseCase;
import io.tenantry.application.file.FileUseCases.StoreFileUseCase;
import io.tenantry.kernel.storage.ObjectContent;
import io.tenantry.kernel.storage.ObjectKey;
import io.tenantry.kernel.storage.ObjectStorage;
import io.tenantry.kernel.storage.ObjectTooLarge;
import io.tenantry.kernel.storage.PutOutcome;
import io.tenantry.kernel.storage.StoredObject;

import java.util.List;
import java.util.Optional;

/**
 * The file use cases of the current tenant, in whatever backend its tier resolves to. Uploads take a slot of the
 * {@link UploadBounds} for as long as they read and store their body; one whose announced length is over the limit
 * is refused before it takes a slot or reads a byte. One instance serves the process (the slots are its state).
 */
public final class FileService implements StoreFileUseCase, ReadFileUseCase, ListFilesUseCase, DeleteFileUseCase {

    private final ObjectStorage storage;
    private final long maxFileBytes;
    private final UploadSlots slots;

    public FileService(ObjectStorage storage, long maxFileBytes, UploadBounds bounds) {
        if (maxFileBytes < 1) {
            throw new IllegalArgumentException("'maxFileBytes' must be positive");
        }
        this.storage = storage;
        this.maxFileBytes = maxFileBytes;
        this.slots = new UploadSlots(bounds);
    }

    @Override
    public PutOutcome store(StoreFileCommand command) {
        if (command.declaredLength().orElse(0) > maxFileBytes) {
            throw new ObjectTooLarge(maxFileBytes);
        }
        try (UploadSlots.Slot slot = slots.acquire(command.key().tenant())) {
            return storage.put(command.key(), command.content(), command.contentType(), maxFileBytes);
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
    public List<StoredObject> list() {
        return storage.list();
    }

    @Override
    public boolean delete(ObjectKey key) {
        return storage.delete(key);
    }
}
