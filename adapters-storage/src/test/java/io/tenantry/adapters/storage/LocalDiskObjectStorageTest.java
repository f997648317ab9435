package io.tenantry.adapters.storage;

import io.tenantry.kernel.storage.ObjectKey;
import io.tenantry.kernel.storage.ObjectStorage;
import io.tenantry.kernel.testing.ObjectStorageContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static io.tenantry.kernel.testing.TwoTenants.MEMBER_A;
import static io.tenantry.kernel.testing.TwoTenants.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalDiskObjectStorageTest extends ObjectStorageContract {

    @TempDir
    Path root;

    @Override
    protected ObjectStorage freshStorage() {
        return new LocalDiskObjectStorage(root);
    }

    @Test
    void objectsLiveUnderTheirTenantsFolderAndRefusedUploadsLeaveNoFiles() throws IOException {
        ObjectStorage storage = freshStorage();
        as(MEMBER_A, () -> storage.put(ObjectKey.of("a.txt"), new ByteArrayInputStream(new byte[] {1, 2}), "text/plain", 10));
        assertTrue(Files.isRegularFile(root.resolve("data/tenants/tenant-a/a.txt")));
        try {
            as(MEMBER_A, () -> storage.put(ObjectKey.of("b.txt"), new ByteArrayInputStream(new byte[20]), "text/plain", 10));
        } catch (RuntimeException tooLarge) {
            // expected: ObjectTooLarge
        }
        try (Stream<Path> files = Files.walk(root)) {
            assertEquals(2, files.filter(Files::isRegularFile).count(), "a.txt and its metadata only");
        }
    }
}
