package io.tenantry.application.file;

import io.tenantry.kernel.context.Tier;
import io.tenantry.kernel.storage.ObjectKey;
import io.tenantry.kernel.storage.ObjectPage;
import io.tenantry.kernel.storage.PutOutcome;
import io.tenantry.kernel.testing.InMemoryObjectStorage;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.tenantry.kernel.testing.TwoTenants.MEMBER_A;
import static io.tenantry.kernel.testing.TwoTenants.MEMBER_B;
import static io.tenantry.kernel.testing.TwoTenants.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Storage quotas per tenant (tenant A is pro, B is free), with uploads running at once. */
class FileQuotaTest {

    private static final TierQuotas QUOTAS = TierQuotas.defaults()
            .with(Tier.PRO, new StorageQuota(1_000, 1_000))
            .with(Tier.FREE, new StorageQuota(1_000_000, 5));

    private final InMemoryObjectStorage storage = new InMemoryObjectStorage();
    private final FileService files = new FileService(storage, 1_000, new UploadBounds(64, 64), QUOTAS);

    @Test
    void concurrentUploadsOfKnownLengthFillTheByteQuotaExactlyAndNoFurther() throws Exception {
        List<Object> outcomes = concurrently(40, i -> store(MEMBER_A, "f" + i, 100, true));
        assertEquals(10, outcomes.stream().filter(PutOutcome.class::isInstance).count(), "exactly 1 000 bytes fit");
        assertTrue(outcomes.stream().allMatch(o -> o instanceof PutOutcome || o instanceof QuotaExceeded), outcomes.toString());
        assertEquals(1_000, storedBytes(), "the tenant is at its quota, not above");
    }

    @Test
    void concurrentUploadsOfUnknownLengthNeverLeaveTheTenantAboveItsQuota() throws Exception {
        store(MEMBER_A, "seed", 150, true);
        List<Object> outcomes = concurrently(40, i -> store(MEMBER_A, "f" + i, 100, i % 2 == 0));
        assertTrue(outcomes.stream().allMatch(o -> o instanceof PutOutcome || o instanceof QuotaExceeded), outcomes.toString());
        long stored = storedBytes();
        assertTrue(stored <= 1_000, stored + " bytes stored");
        assertEquals(150 + 100 * outcomes.stream().filter(PutOutcome.class::isInstance).count(), stored,
                "every accepted upload is stored, nothing else");
        while (storedBytes() + 100 <= 1_000) {
            assertInstanceOf(PutOutcome.class, store(MEMBER_A, "more" + storedBytes(), 100, false),
                    "positive control: what is left of the quota can still be used");
        }
        assertInstanceOf(QuotaExceeded.class, store(MEMBER_A, "over", 100, false));
    }

    @Test
    void theFileCountIsAQuotaTooAndReplacingOrDeletingMakesNoRoomProblem() throws Exception {
        List<Object> outcomes = concurrently(20, i -> store(MEMBER_B, "f" + i, 1, true));
        assertEquals(5, outcomes.stream().filter(PutOutcome.class::isInstance).count(), "5 files fit");
        QuotaExceeded refused = assertInstanceOf(QuotaExceeded.class, store(MEMBER_B, "sixth", 1, true));
        assertEquals(QuotaExceeded.Limit.FILES, refused.limit());
        String existing = as(MEMBER_B, () -> files.list(Optional.empty(), 10)).items().getFirst().name();
        assertInstanceOf(PutOutcome.Replaced.class, store(MEMBER_B, existing, 7, true),
                "positive control: replacing a file needs no room for another");
        assertTrue(as(MEMBER_B, () -> files.delete(ObjectKey.of(existing))));
        assertInstanceOf(PutOutcome.Created.class, store(MEMBER_B, "sixth", 1, true), "a delete makes room");
    }

    @Test
    void whatWasStoredBeforeCountsAndTenantsHaveQuotasOfTheirOwn() {
        as(MEMBER_A, () -> storage.put(ObjectKey.of("old"), new ByteArrayInputStream(new byte[950]), "x/y", 1_000));
        assertInstanceOf(QuotaExceeded.class, store(MEMBER_A, "new", 100, true), "the 950 bytes already there count");
        assertInstanceOf(PutOutcome.class, store(MEMBER_A, "new", 50, true), "positive control: 50 still fit");
        assertInstanceOf(PutOutcome.class, store(MEMBER_B, "new", 900, true), "another tenant's quota is its own");
        assertInstanceOf(PutOutcome.Replaced.class, store(MEMBER_A, "old", 900, false),
                "a smaller replacement fits in what the old file frees");
        assertThrows(IllegalArgumentException.class, () -> new StorageQuota(-1, 1));
    }

    private long storedBytes() {
        return as(MEMBER_A, () -> files.list(Optional.empty(), ObjectPage.MAX_LIMIT)).items().stream()
                .mapToLong(item -> item.size()).sum();
    }

    /** The upload's outcome, or the exception it was refused with. */
    private Object store(io.tenantry.kernel.context.TenantIdentity who, String name, int size, boolean announced) {
        try {
            return as(who, () -> files.store(new StoreFileCommand(ObjectKey.of(name), slow(new byte[size]),
                    "application/octet-stream", announced ? OptionalLong.of(size) : OptionalLong.empty())));
        } catch (QuotaExceeded refused) {
            return refused;
        }
    }

    /** Runs {@code count} uploads released together, each reading its body slowly, so they overlap. */
    private static List<Object> concurrently(int count, java.util.function.IntFunction<Object> upload) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Object>> futures = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(threads.submit(() -> {
                    start.await();
                    return upload.apply(index);
                }));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        }
    }

    private static InputStream slow(byte[] bytes) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] buffer, int offset, int length) {
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.read(buffer, offset, Math.min(length, 10));
            }
        };
    }
}
