package io.tenantry.bootstrap;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tenantry.application.health.DependencyUnavailable;
import io.tenantry.bootstrap.contextual.ContextualInjection;
import io.tenantry.kernel.context.TenantContext;
import io.tenantry.kernel.context.TenantId;
import io.tenantry.kernel.context.TenantIdentity;
import io.tenantry.kernel.context.Tier;
import io.tenantry.kernel.storage.ObjectKey;
import io.tenantry.kernel.storage.ObjectStorage;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The storage candidates as the container resolves them: one injected {@code ObjectStorage} reaches local disk for
 * free tenants and S3 for paying ones when S3 is configured, local disk for every tier otherwise.
 */
class StorageBackendsTest {

    @TempDir
    Path root;

    @Test
    void withS3ThePayingTiersReachS3AndFreeReachesLocalDisk() {
        try (WeldContainer container = boot(Map.of("TENANTRY_S3_ENDPOINT", "http://127.0.0.1:1",
                "TENANTRY_S3_ACCESS_KEY", "k", "TENANTRY_S3_SECRET_KEY", "s"))) {
            ObjectStorage storage = container.select(ObjectStorage.class).get();
            put(storage, member("initech", Tier.FREE), "free.txt");
            assertTrue(Files.exists(root.resolve("data/tenants/initech/free.txt")), "the free tenant's file is on disk");
            for (Tier paying : new Tier[] {Tier.PRO, Tier.ENTERPRISE}) {
                assertThrows(DependencyUnavailable.class, () -> put(storage, member("globex", paying), "paid.txt"),
                        paying + " reaches S3, which is not there");
            }
            assertTrue(Files.notExists(root.resolve("data/tenants/globex")), "nothing of the paying tenant is on disk");
            String scrape = container.select(PrometheusMeterRegistry.class).get().scrape();
            assertTrue(scrape.lines().anyMatch(line -> line.startsWith("tenantry_s3_calls_seconds_count{")
                    && line.contains("outcome=\"io_error\"")), "the failed S3 calls are timed:\n" + scrape);
        }
    }

    @Test
    void withoutS3EveryTierIsOnLocalDisk() {
        try (WeldContainer container = boot(Map.of())) {
            ObjectStorage storage = container.select(ObjectStorage.class).get();
            put(storage, member("acme", Tier.ENTERPRISE), "e.txt");
            put(storage, member("globex", Tier.PRO), "p.txt");
            assertTrue(Files.exists(root.resolve("data/tenants/acme/e.txt")));
            assertTrue(Files.exists(root.resolve("data/tenants/globex/p.txt")));
        }
    }

    private WeldContainer boot(Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(settings);
        all.put("TENANTRY_STORAGE_DIR", root.toString());
        TenantryConfig config = TenantryConfig.load(new ConfigSource(all));
        return new Weld("storage-" + UUID.randomUUID()).disableDiscovery().skipShutdownHook()
                .addExtension(new ConfigExtension(config)).addExtension(new ContextualInjection())
                .addBeanClasses(StorageBeans.class, Metrics.class).initialize();
    }

    /** The process's registry, as TenantryBeans makes it. */
    @Singleton
    static class Metrics {
        @Produces
        @Singleton
        PrometheusMeterRegistry registry() {
            return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        }
    }

    private static void put(ObjectStorage storage, TenantIdentity identity, String name) {
        TenantContext.run(identity, () -> storage.put(ObjectKey.of(name), new ByteArrayInputStream(new byte[] {1}),
                "text/plain", 10));
    }

    private static TenantIdentity member(String tenant, Tier tier) {
        return DemoData.member(TenantId.of(tenant), tier, "u");
    }
}
