package io.tenantry.bootstrap;

import io.tenantry.adapters.storage.LocalDiskObjectStorage;
import io.tenantry.kernel.context.MissingTenantContext;
import io.tenantry.kernel.context.Tier;
import io.tenantry.kernel.resolution.ContextualProvider;
import io.tenantry.kernel.resolution.ResolutionStrategy;
import io.tenantry.kernel.storage.ObjectKey;
import io.tenantry.kernel.storage.ObjectStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.tenantry.kernel.testing.TwoTenants.MEMBER_A;
import static io.tenantry.kernel.testing.TwoTenants.MEMBER_B;
import static io.tenantry.kernel.testing.TwoTenants.as;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One injected {@link ObjectStorage}, created once, reaches a different backend per tier on every call: tenant A
 * (pro) and tenant B (free) write through the same instance and land in different stores.
 */
class ContextualObjectStorageTest {

    @TempDir
    Path free;

    @TempDir
    Path paid;

    @Test
    void oneInjectionPointReachesEachTiersBackend() {
        ObjectStorage injectedOnce = new ContextualObjectStorage(ContextualProvider
                .<Tier, ObjectStorage>resolvedBy(ResolutionStrategy.byTier())
                .bind(Tier.FREE, identity -> new LocalDiskObjectStorage(free))
                .bind(Tier.PRO, identity -> new LocalDiskObjectStorage(paid))
                .withoutDefault()
                .build());
        as(MEMBER_A, () -> injectedOnce.put(ObjectKey.of("a.txt"), new ByteArrayInputStream(new byte[] {1}), "text/plain", 10));
        as(MEMBER_B, () -> injectedOnce.put(ObjectKey.of("b.txt"), new ByteArrayInputStream(new byte[] {2}), "text/plain", 10));
        assertTrue(Files.exists(paid.resolve("data/tenants/tenant-a/a.txt")), "the pro tenant's file is in the paid store");
        assertTrue(Files.exists(free.resolve("data/tenants/tenant-b/b.txt")), "the free tenant's file is in the free store");
        assertFalse(Files.exists(free.resolve("data/tenants/tenant-a")), "and nothing of A is in the free store");
        assertThrows(MissingTenantContext.class, () -> injectedOnce.list(java.util.Optional.empty(), 10),
                "without a tenant it resolves nothing");
    }
}
