package io.tenantry.adapters.storage;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.metrics.MetricPublisher;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

import java.net.URI;
import java.time.Duration;
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

    /** Connections of a client made by {@link #client()}: more than the uploads the application lets run at once. */
    public static final int DEFAULT_CONNECTIONS = 128;

    /** A client for these settings with {@link #DEFAULT_CONNECTIONS}. */
    public S3Client client() {
        return client(DEFAULT_CONNECTIONS);
    }

    /**
     * A client for these settings: path-style addressing and Apache HttpClient 5, which streams a request body of
     * known length. (The SDK's URL-connection client does not: {@code HttpURLConnection} holds a whole body in memory
     * before sending it unless it is chunked, and S3 refuses chunked uploads.)
     *
     * @param maxConnections how many requests may be in flight at once; more wait for a connection
     */
    public S3Client client(int maxConnections) {
        return builder(maxConnections).build();
    }

    /** As {@link #client(int)}, every call's figures handed to {@code publisher}. */
    S3Client client(int maxConnections, MetricPublisher publisher) {
        return builder(maxConnections).overrideConfiguration(override -> override.addMetricPublisher(publisher)).build();
    }

    /**
     * A client of two connections whose every call gives up after {@code timeout}, retries included: for the health
     * check, which must answer while the storage's connections are all busy and while S3 hangs.
     */
    S3Client checkClient(Duration timeout, MetricPublisher publisher) {
        return builder(2).overrideConfiguration(override -> override.addMetricPublisher(publisher)
                .apiCallTimeout(timeout)).build();
    }

    private S3ClientBuilder builder(int maxConnections) {
        return S3Client.builder()
                .endpointOverride(endpoint)
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .forcePathStyle(true)
                .httpClient(Apache5HttpClient.builder().maxConnections(maxConnections)
                        .connectionAcquisitionTimeout(Duration.ofSeconds(30)).build());
    }

    @Override
    public String toString() {
        return "S3Settings[" + endpoint + ", bucket=" + bucket + ", prefix=" + prefix + "]";
    }
}
