package io.tenantry.adapters.storage;

import io.tenantry.application.health.DependencyCheck;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/** Whether the S3 bucket of the paying tiers answers. */
public final class S3HealthCheck implements DependencyCheck {

    private final S3Client s3;
    private final String bucket;

    public S3HealthCheck(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public String name() {
        return "objectStorage";
    }

    @Override
    public boolean up() {
        try {
            s3.headBucket(request -> request.bucket(bucket));
            return true;
        } catch (SdkException unreachable) {
            return false;
        }
    }
}
