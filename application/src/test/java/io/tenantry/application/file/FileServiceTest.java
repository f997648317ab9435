package io.tenantry.application.file;

import io.tenantry.kernel.storage.ObjectKey;
import io.tenantry.kernel.storage.ObjectTooLarge;
import io.tenantry.kernel.storage.PutOutcome;
import io.tenantry.kernel.testing.InMemoryObjectStorage;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalLong;

import static io.tenantry.kernel.testing.TwoTenants.MEMBER_A;
import static io.tenantry.kernel.testing.TwoTenants.as;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FileServiceTest {

    private final InMemoryObjectStorage storage = new InMemoryObjectStorage();

    @Test
    void anAnnouncedLengthOverTheLimitIsRefusedBeforeAByteIsRead() {
        FileService files = new FileService(storage, 10, new UploadBounds(1, 1), TierQuotas.defaults());
        assertThrows(ObjectTooLarge.class, () -> store(files, "big.bin", unreadable(), OptionalLong.of(11)));
        assertInstanceOf(PutOutcome.Created.class, store(files, "ok.bin", new ByteArrayInputStream(new byte[10]),
                OptionalLong.of(10)), "positive control: the limit itself fits, and no slot was kept");
    }

    @Test
    void aFailedUploadGivesItsSlotBack() {
        FileService files = new FileService(storage, 10, new UploadBounds(1, 1), TierQuotas.defaults());
        assertThrows(IllegalStateException.class, () -> store(files, "a.bin", unreadable(), OptionalLong.empty()));
        assertInstanceOf(PutOutcome.Created.class, store(files, "a.bin", new ByteArrayInputStream(new byte[1]),
                OptionalLong.empty()), "the one slot is free again");
    }

    private static PutOutcome store(FileService files, String name, InputStream content, OptionalLong length) {
        return as(MEMBER_A, () -> files.store(new StoreFileCommand(ObjectKey.of(name), content, "text/plain", length)));
    }

    /** A body that must not be read. */
    private static InputStream unreadable() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IllegalStateException("the body was read");
            }
        };
    }
}
