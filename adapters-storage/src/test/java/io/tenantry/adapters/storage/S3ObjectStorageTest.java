package io.tenantry.adapters.storage;

import io.tenantry.kernel.storage.ObjectKey;
import io.tenantry.kernel.storage.ObjectStorage;
import io.tenantry.kernel.testing.ObjectStorageContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.tenantry.kernel.testing.TwoTenants.MEMBER_A;
import static io.tenantry.kernel.testing.TwoTenants.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The storage contract on a real S3-compatible server, and where the keys land in the bucket. */
class S3ObjectStorageTest extends ObjectStorageContract {

    @TempDir
    Path spool;

    @Override
    protected ObjectStorage freshStorage() {
        S3Settings settings = TestS3.freshSettings();
        return new S3ObjectStorage(settings.client(), settings.bucket(), settings.prefix(), spool);
    }

    @Test
    void aFailedMultipartUploadIsAbortedAndLeavesNothingBehind() throws IOException {
        S3Settings settings = TestS3.freshSettings();
        FailingPart fault = new FailingPart();
        S3Client client = TestS3.client(settings, fault);
        ObjectStorage storage = new S3ObjectStorage(client, settings.bucket(), settings.prefix(), spool);
        byte[] bytes = new byte[11 * 1024 * 1024];
        fault.failPart.set(2);
        assertThrows(RuntimeException.class, () -> as(MEMBER_A, () -> storage.put(ObjectKey.of("big.bin"),
                new ByteArrayInputStream(bytes), "application/octet-stream", bytes.length)));
        assertEquals(1, fault.failed.get(), "the second part failed");
        assertEquals(List.of(), client.listMultipartUploads(request -> request.bucket(settings.bucket())
                .prefix(settings.prefix())).uploads(), "the upload was aborted");
        assertEquals(List.of(), client.listObjectsV2(request -> request.bucket(settings.bucket())
                .prefix(settings.prefix())).contents(), "no object");
        assertSpoolIsEmpty();
        fault.failPart.set(0);
        as(MEMBER_A, () -> storage.put(ObjectKey.of("big.bin"), new ByteArrayInputStream(bytes),
                "application/octet-stream", bytes.length));
        assertEquals(List.of(), client.listMultipartUploads(request -> request.bucket(settings.bucket())
                .prefix(settings.prefix())).uploads(), "positive control: a completed upload leaves none either");
        assertEquals(1, client.listObjectsV2(request -> request.bucket(settings.bucket())
                .prefix(settings.prefix())).contents().size(), "positive control: the object is there");
        assertSpoolIsEmpty();
    }

    private void assertSpoolIsEmpty() throws IOException {
        try (var files = Files.list(spool)) {
            assertEquals(List.of(), files.toList(), "no spool file is left");
        }
    }

    /** Fails the upload of one part number, once set. */
    private static final class FailingPart implements ExecutionInterceptor {
        final AtomicInteger failPart = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (context.request() instanceof UploadPartRequest part && part.partNumber() == failPart.get()) {
                failed.incrementAndGet();
                throw new IllegalStateException("injected failure of part " + part.partNumber());
            }
        }
    }

    @Test
    void theHealthCheckSeesTheBucketAndAnUnreachableServer() {
        S3Settings settings = TestS3.freshSettings();
        assertTrue(new S3HealthCheck(settings.client(), settings.bucket()).up());
        S3Settings nowhere = new S3Settings(java.net.URI.create("http://127.0.0.1:1"), "us-east-1", "tenantry", "", "k", "s");
        assertFalse(new S3HealthCheck(nowhere.client(), nowhere.bucket()).up());
    }

    @Test
    void keysLiveUnderThePrefixAndTheTenantsFolder() {
        S3Settings settings = TestS3.freshSettings();
        S3Client client = settings.client();
        ObjectStorage storage = new S3ObjectStorage(client, settings.bucket(), settings.prefix(), spool);
        as(MEMBER_A, () -> storage.put(ObjectKey.of("a.txt"), new ByteArrayInputStream(new byte[] {1}), "text/plain", 10));
        var keys = client.listObjectsV2(request -> request.bucket(settings.bucket()).prefix(settings.prefix())).contents();
        assertEquals(1, keys.size());
        assertEquals(settings.prefix() + "tenants/tenant-a/a.txt", keys.getFirst().key());
    }
}
