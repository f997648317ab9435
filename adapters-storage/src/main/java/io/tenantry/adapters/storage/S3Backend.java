package io.tenantry.adapters.storage;

import io.micrometer.core.instrument.MeterRegistry;
import io.tenantry.application.health.DependencyCheck;
import io.tenantry.kernel.storage.ObjectStorage;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.file.Path;

/**
 * The process's one S3 client and what is made of it: each paying tenant's {@link S3ObjectStorage} and the health
 * check. One client, because each holds a connection pool: a client per tenant would multiply connections by
 * tenants. Every call is timed into the given registry (see {@link S3CallMetrics}). Closing it closes the client.
 */
public final class S3Backend implements AutoCloseable {

    private final S3Settings settings;
    private final S3Client client;

    private S3Backend(S3Settings settings, S3Client client) {
        this.settings = settings;
        this.client = client;
    }

    /** A client for {@code settings} whose calls are published to {@code metrics}. */
    public static S3Backend connect(S3Settings settings, MeterRegistry metrics) {
        return new S3Backend(settings, settings.client(S3Settings.DEFAULT_CONNECTIONS, new S3CallMetrics(metrics)));
    }

    /** Storage in the shared bucket, uploads spooled under {@code spool}. */
    public ObjectStorage storage(Path spool) {
        return new S3ObjectStorage(client, settings.bucket(), settings.prefix(), spool);
    }

    public DependencyCheck healthCheck() {
        return new S3HealthCheck(client, settings.bucket());
    }

    @Override
    public void close() {
        client.close();
    }
}
