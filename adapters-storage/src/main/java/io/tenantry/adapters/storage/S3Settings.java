package io.tenantry.adapters.storage;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.util.Objects;

/**
 * Where the S3 backend is.
 *
 * @param endpoint  the S3 endpoint (an S3-compatible server's, or AWS's)
 * @param region    the region
 * @param bucket    the shared bucket
 * @param prefix    prefix of every key, before {@code tenants/{id}/}
 * @param accessKey the access key id
 * @param secretKey the secret access key
 */
public record S3Settings(URI endpoint, String region, String bucket, String prefix, String accessKey, String secretKey) {

    public S3Settings {
        Objects.requireNonNull(endpoint, "'endpoint' must not be null");
        Objects.requireNonNull(region, "'region' must not be null");
        Objects.requireNonNull(bucket, "'bucket' must not be null");
        Objects.requireNonNull(prefix, "'prefix' must not be null");
        Objects.requireNonNull(accessKey, "'accessKey' must not be null");
        Objects.requireNonNull(secretKey, "'secretKey' must not be null");
    }

    /** A client for these settings: path-style addressing, the JDK's HTTP client. */
    public S3Client client() {
        return S3Client.builder()
                .endpointOverride(endpoint)
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .forcePathStyle(true)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @Override
    public String toString() {
        return "S3Settings[" + endpoint + ", bucket=" + bucket + ", prefix=" + prefix + "]";
    }
}
