package io.tenantry.application.file;

import io.tenantry.kernel.storage.ObjectContent;
import io.tenantry.kernel.storage.ObjectKey;
import io.tenantry.kernel.storage.PutOutcome;
import io.tenantry.kernel.storage.StoredObject;

import java.util.List;
import java.util.Optional;

/** The in-ports for the current tenant's files; {@link FileService} implements them all. */
public final class FileUseCases {

    private FileUseCases() {
    }

    public interface StoreFileUseCase {
        /** Throws {@link UploadsBusy} over the upload bounds and ObjectTooLarge over the size limit. */
        PutOutcome store(StoreFileCommand command);
    }

    public interface ReadFileUseCase {
        Optional<ObjectContent> read(ObjectKey key);
    }

    public interface ListFilesUseCase {
        List<StoredObject> list();
    }

    public interface DeleteFileUseCase {
        boolean delete(ObjectKey key);
    }
}
