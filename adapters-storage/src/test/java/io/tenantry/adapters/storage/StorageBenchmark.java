package io.tenantry.adapters.storage;

import io.tenantry.kernel.context.TenantContext;
import io.tenantry.kernel.storage.ObjectContent;
import io.tenantry.kernel.storage.ObjectKey;
import io.tenantry.kernel.storage.ObjectStorage;
import io.tenantry.kernel.testing.TwoTenants;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Put and get of one tenant's 64 KiB objects, side by side in one run: local disk and S3 (the S3-compatible server
 * of the tests: TENANTRY_TEST_S3_URL, or S3Mock from its Maven artifact). Run through bench/storage.sh.
 */
public final class StorageBenchmark {

    public static void main(String[] args) throws Exception {
        int operations = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        S3Settings s3 = TestS3.freshSettings();
        Map<String, ObjectStorage> backends = new LinkedHashMap<>();
        backends.put("local disk (free tier)", new LocalDiskObjectStorage(Files.createTempDirectory("tenantry-bench")));
        backends.put("S3, shared bucket (paying tiers)", new S3ObjectStorage(s3.client(), s3.bucket(), s3.prefix(),
                Files.createTempDirectory("tenantry-bench-spool")));
        byte[] content = new byte[64 * 1024];
        ThreadLocalRandom.current().nextBytes(content);
        System.out.printf("%n%d operations of a 64 KiB object, one client%n%-36s %12s %12s%n", operations,
                "backend", "puts/s", "gets/s");
        for (var backend : backends.entrySet()) {
            measure(backend.getValue(), content, operations / 5);
            double[] rates = measure(backend.getValue(), content, operations);
            System.out.printf("%-36s %12.0f %12.0f%n", backend.getKey(), rates[0], rates[1]);
        }
        System.exit(0);
    }

    private static double[] measure(ObjectStorage storage, byte[] content, int operations) {
        return TenantContext.call(TwoTenants.MEMBER_A, () -> {
            long start = System.nanoTime();
            for (int i = 0; i < operations; i++) {
                storage.put(ObjectKey.of("object-" + (i % 50)), new ByteArrayInputStream(content),
                        "application/octet-stream", content.length);
            }
            double puts = operations * 1e9 / (System.nanoTime() - start);
            start = System.nanoTime();
            for (int i = 0; i < operations; i++) {
                try (ObjectContent read = storage.get(ObjectKey.of("object-" + (i % 50))).orElseThrow()) {
                    read.body().readAllBytes();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            double gets = operations * 1e9 / (System.nanoTime() - start);
            return new double[] {puts, gets};
        });
    }

    private StorageBenchmark() {
    }
}
