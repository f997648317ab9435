package io.tenantry.bootstrap;

import io.tenantry.adapters.storage.LocalDiskObjectStorage;
import io.tenantry.adapters.storage.S3ObjectStorage;
import io.tenantry.kernel.context.TenantId;
import io.tenantry.kernel.context.Tier;
import io.tenantry.kernel.resolution.ContextualProvider;
import io.tenantry.kernel.storage.ObjectStorage;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** The wiring of the storage backends: which tier gets which backend, with and without S3 configured. */
class StorageBackendsTest {

    @Test
    void withS3ThePayingTiersGetS3AndFreeGetsLocalDisk() {
        ContextualProvider<ObjectStorage> backends = new TenantryBeans().storageBackends(TenantryConfig.load(new ConfigSource(
                Map.of("TENANTRY_S3_ENDPOINT", "http://127.0.0.1:1", "TENANTRY_S3_ACCESS_KEY", "k", "TENANTRY_S3_SECRET_KEY", "s"))));
        assertInstanceOf(LocalDiskObjectStorage.class, backends.getFor(DemoData.member(TenantId.of("initech"), Tier.FREE, "u")));
        assertInstanceOf(S3ObjectStorage.class, backends.getFor(DemoData.member(TenantId.of("globex"), Tier.PRO, "u")));
        assertInstanceOf(S3ObjectStorage.class, backends.getFor(DemoData.member(TenantId.of("acme"), Tier.ENTERPRISE, "u")));
    }

    @Test
    void withoutS3EveryTierIsOnLocalDisk() {
        ContextualProvider<ObjectStorage> backends = new TenantryBeans().storageBackends(TenantryConfig.load(new ConfigSource(Map.of())));
        assertInstanceOf(LocalDiskObjectStorage.class, backends.getFor(DemoData.member(TenantId.of("acme"), Tier.ENTERPRISE, "u")));
    }
}
