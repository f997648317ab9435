package io.tenantry.adapters.storage;

import io.tenantry.kernel.storage.ObjectKey;
import io.tenantry.kernel.storage.ObjectStorage;
import io.tenantry.kernel.testing.ObjectStorageContract;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.ByteArrayInputStream;

import static io.tenantry.kernel.testing.TwoTenants.MEMBER_A;
import static io.tenantry.kernel.testing.TwoTenants.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The storage contract on a real S3-compatible server, and where the keys land in the bucket. */
class S3ObjectStorageTest extends ObjectStorageContract {

    @Override
    protected ObjectStorage freshStorage() {
        S3Settings settings = TestS3.freshSettings();
        return new S3ObjectStorage(settings.client(), settings.bucket(), settings.prefix());
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
        ObjectStorage storage = new S3ObjectStorage(client, settings.bucket(), settings.prefix());
        as(MEMBER_A, () -> storage.put(ObjectKey.of("a.txt"), new ByteArrayInputStream(new byte[] {1}), "text/plain", 10));
        var keys = client.listObjectsV2(request -> request.bucket(settings.bucket()).prefix(settings.prefix())).contents();
        assertEquals(1, keys.size());
        assertEquals(settings.prefix() + "tenants/tenant-a/a.txt", keys.getFirst().key());
    }
}
