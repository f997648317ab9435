package io.tenantry.bootstrap;

import io.tenantry.adapters.storage.LocalDiskObjectStorage;
import io.tenantry.adapters.storage.S3ObjectStorage;
import io.tenantry.bootstrap.contextual.ForTier;
import io.tenantry.bootstrap.contextual.PerTenant;
import io.tenantry.bootstrap.contextual.TenantDefault;
import io.tenantry.kernel.context.Tier;
import io.tenantry.kernel.storage.ObjectStorage;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

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
    ObjectStorage pro(TenantryConfig config) {
        return paid(config);
    }

    @Produces
    @ForTier(Tier.ENTERPRISE)
    @PerTenant
    ObjectStorage enterprise(TenantryConfig config) {
        return paid(config);
    }

    private static ObjectStorage paid(TenantryConfig config) {
        return config.s3().<ObjectStorage>map(s3 -> new S3ObjectStorage(s3.client(), s3.bucket(), s3.prefix(),
                        config.storageRoot().resolve("spool")))
                .orElseGet(() -> new LocalDiskObjectStorage(config.storageRoot()));
    }
}
