package io.tenantry.adapters.storage;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tenantry.kernel.storage.ObjectContent;
import io.tenantry.kernel.storage.ObjectKey;
import io.tenantry.kernel.storage.ObjectStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static io.tenantry.kernel.testing.TwoTenants.MEMBER_A;
import static io.tenantry.kernel.testing.TwoTenants.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The process's S3 client on a real S3-compatible server: every call it makes is timed by operation and outcome. */
class S3BackendTest {

    @TempDir
    Path spool;

    @Test
    void everyCallIsTimedByTheSdksOperationNameAndOutcome() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (S3Backend backend = S3Backend.connect(TestS3.freshSettings(), registry)) {
            ObjectStorage storage = backend.storage(spool);
            byte[] hello = "hello".getBytes(StandardCharsets.UTF_8);
            as(MEMBER_A, () -> storage.put(ObjectKey.of("a.txt"), new ByteArrayInputStream(hello), "text/plain", 100));
            as(MEMBER_A, () -> {
                try (ObjectContent content = storage.get(ObjectKey.of("a.txt")).orElseThrow()) {
                    assertEquals("hello", new String(content.body().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            assertTrue(as(MEMBER_A, () -> storage.get(ObjectKey.of("missing.txt"))).isEmpty());
            assertTrue(backend.healthCheck().up());

            String meters = registry.find("tenantry.s3.calls").timers().stream()
                    .map(timer -> timer.getId().getTags() + " " + timer.count()).collect(Collectors.joining("\n"));
            Timer put = registry.find("tenantry.s3.calls").tag("operation", "PutObject").tag("outcome", "success").timer();
            assertNotNull(put, meters);
            assertEquals(1, put.count());
            assertTrue(put.totalTime(TimeUnit.NANOSECONDS) > 0, "a call takes time");
            assertEquals(1, registry.find("tenantry.s3.calls").tag("operation", "GetObject").tag("outcome", "success")
                    .timer().count(), meters);
            assertEquals(1, registry.find("tenantry.s3.calls").tag("operation", "HeadBucket").tag("outcome", "success")
                    .timer().count(), meters);
            assertEquals(1, registry.find("tenantry.s3.calls").tag("operation", "GetObject").tag("outcome", "not_found")
                    .timer().count(), "the read of the missing object: " + meters);
            assertEquals(1, registry.find("tenantry.s3.calls").tag("operation", "HeadObject").tag("outcome", "not_found")
                    .timer().count(), "the upload asks first what it replaces, and a new object is missing: " + meters);
        }
    }
}
