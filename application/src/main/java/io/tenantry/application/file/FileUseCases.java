package io.tenantry.application.file;

import io.tenantry.kernel.storage.ObjectContent;
import io.tenantry.kernel.storage.ObjectKey;
import io.tenantry.kernel.storage.PutOutcome;
import io.tenantry.kernel.storage.ObjectPage;

import java.util.Optional;

/** The in-ports for the current tenant's files; {@link FileService} implements them all. */
public final class FileUseCases {

    private FileUseCases() {
    }

    public interface StoreFileUseCase {
        /**
         * Throws {@link UploadsBusy} over the upload bounds, {@link QuotaExceeded} over the tenant's quota and
         * ObjectTooLarge over the size limit; nothing is stored then.
         */
        PutOutcome store(StoreFileCommand command);
    }

    public interface ReadFileUseCase {
        Optional<ObjectContent> read(ObjectKey key);
    }

    public interface ListFilesUseCase {
        /** Up to {@code limit} (1..1000) files after {@code after}, by name, with their sizes. */
        ObjectPage list(Optional<FileCursor> after, int limit);
    }

    public interface DeleteFileUseCase {
        boolean delete(ObjectKey key);
    }
}
