package io.tenantry.bootstrap;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tenantry.adapters.storage.LocalDiskObjectStorage;
import io.tenantry.adapters.storage.S3Backend;
import io.tenantry.bootstrap.contextual.ForTier;
import io.tenantry.bootstrap.contextual.PerTenant;
import io.tenantry.bootstrap.contextual.TenantDefault;
import io.tenantry.kernel.context.Tier;
import io.tenantry.kernel.storage.ObjectStorage;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Which storage backend a tenant gets: local disk for free tenants, S3 for pro and enterprise when S3 is configured
 * (local disk for them too otherwise). These are the candidates of the port; business code injects
 * {@code ObjectStorage} and the container reaches the current tenant's candidate on every call. Each tenant gets
 * its own instance. S3 uploads are spooled under the storage root, so both backends keep upload bytes on the same
 * disk.
 */
@Singleton
public class StorageBeans {

    @Produces
    @TenantDefault
    @PerTenant
    ObjectStorage localDisk(TenantryConfig config) {
        return new LocalDiskObjectStorage(config.storageRoot());
    }

    @Produces
    @ForTier(Tier.PRO)
    @PerTenant
    ObjectStorage pro(TenantryConfig config, Optional<S3Backend> s3) {
        return paid(config, s3);
    }

    @Produces
    @ForTier(Tier.ENTERPRISE)
    @PerTenant
    ObjectStorage enterprise(TenantryConfig config, Optional<S3Backend> s3) {
        return paid(config, s3);
    }

    /** The process's one S3 client when S3 is configured, its calls timed in the metrics. */
    @Produces
    @Singleton
    Optional<S3Backend> s3(TenantryConfig config, PrometheusMeterRegistry metrics) {
        return config.s3().map(settings -> S3Backend.connect(settings, metrics));
    }

    void closeS3(@Disposes Optional<S3Backend> s3) {
        s3.ifPresent(S3Backend::close);
    }

    private static ObjectStorage paid(TenantryConfig config, Optional<S3Backend> s3) {
        return s3.map(backend -> backend.storage(config.storageRoot().resolve("spool")))
                .orElseGet(() -> new LocalDiskObjectStorage(config.storageRoot()));
    }
}
