package io.tenantry.adapters.storage;

import io.micrometer.core.instrument.MeterRegistry;
import io.tenantry.application.health.DependencyCheck;
import io.tenantry.kernel.storage.ObjectStorage;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The process's S3 clients and what is made of them: each paying tenant's {@link S3ObjectStorage} over one shared
 * client (each client holds a connection pool: a client per tenant would multiply connections by tenants), and the
 * health check over a small one of its own, so that {@code /health} answers within its timeout even while the
 * storage's connections are all taken by downloads. Every call is timed into the given registry (see
 * {@link S3CallMetrics}). Closing it closes both clients.
 */
public final class S3Backend implements AutoCloseable {

    /** How long the health check waits for S3 to answer before calling it down. */
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(2);

    private final S3Settings settings;
    private final S3Client client;
    private final S3Client checks;

    private S3Backend(S3Settings settings, S3Client client, S3Client checks) {
        this.settings = settings;
        this.client = client;
        this.checks = checks;
    }

    /** Clients for {@code settings} whose calls are published to {@code metrics}. */
    public static S3Backend connect(S3Settings settings, MeterRegistry metrics) {
        S3CallMetrics published = new S3CallMetrics(metrics);
        return new S3Backend(settings, settings.client(S3Settings.DEFAULT_CONNECTIONS, published),
                settings.checkClient(CHECK_TIMEOUT, published));
    }

    /** Storage in the shared bucket, uploads spooled under {@code spool}. */
    public ObjectStorage storage(Path spool) {
        return new S3ObjectStorage(client, settings.bucket(), settings.prefix(), spool);
    }

    public DependencyCheck healthCheck() {
        return new S3HealthCheck(checks, settings.bucket());
    }

    @Override
    public void close() {
        client.close();
        checks.close();
    }
}
