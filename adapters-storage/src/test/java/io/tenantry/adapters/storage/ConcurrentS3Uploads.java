package io.tenantry.adapters.storage;

import io.tenantry.kernel.context.TenantContext;
import io.tenantry.kernel.storage.ObjectKey;
import io.tenantry.kernel.testing.TwoTenants;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.net.URI;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Run by {@link S3StorageHeapTest} in a JVM of its own with a small heap: {@code uploads} uploads of {@code bytes}
 * each, all at once, through {@link S3ObjectStorage} to the S3-compatible server at {@code endpoint}. The content
 * is generated as it is read, so the only copies of it in this JVM are the ones the storage makes. Prints one line
 * of figures and exits 0 when every upload was stored with the right ETag.
 *
 * <p>Arguments: endpoint, key prefix, spool directory, uploads, bytes per upload.
 */
public final class ConcurrentS3Uploads {

    public static void main(String[] args) throws Exception {
        S3Settings settings = new S3Settings(URI.create(args[0]), "us-east-1", TestS3.BUCKET, args[1], "test", "test");
        int uploads = Integer.parseInt(args[3]);
        long bytes = Long.parseLong(args[4]);
        S3ObjectStorage storage = new S3ObjectStorage(settings.client(uploads), settings.bucket(), settings.prefix(),
                Path.of(args[2]));
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLong peak = new AtomicLong();
        AtomicLong peakLive = new AtomicLong();
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                peakLive.accumulateAndGet(liveAfterLastCollection(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        });
        CountDownLatch start = new CountDownLatch(1);
        List<Generated> contents = new ArrayList<>();
        List<Future<String>> etags = new ArrayList<>();
        long began;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < uploads; i++) {
                Generated content = new Generated(i, bytes);
                ObjectKey key = TenantContext.call(TwoTenants.MEMBER_A, () -> ObjectKey.of("upload-" + content.seed));
                contents.add(content);
                etags.add(threads.submit(() -> {
                    start.await();
                    return TenantContext.call(TwoTenants.MEMBER_A, () -> storage.put(key, content,
                            "application/octet-stream", bytes).object().etag());
                }));
            }
            began = System.nanoTime();
            start.countDown();
            for (int i = 0; i < uploads; i++) {
                String etag = etags.get(i).get();
                String expected = "\"" + contents.get(i).sha256() + "\"";
                if (!expected.equals(etag)) {
                    throw new AssertionError("upload " + i + " has ETag " + etag + ", not " + expected);
                }
            }
        }
        long millis = (System.nanoTime() - began) / 1_000_000;
        sampler.interrupt();
        System.out.printf("uploads=%d bytesEach=%d peakHeapUsed=%d peakLiveAfterGc=%d maxHeap=%d millis=%d%n", uploads,
                bytes, peak.get(), peakLive.get(), memory.getHeapMemoryUsage().getMax(), millis);
        System.exit(0);
    }

    /** What the heap held right after the last collection of each pool: the live data, without garbage. */
    private static long liveAfterLastCollection() {
        long live = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage afterGc = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
            live += afterGc == null ? 0 : afterGc.getUsed();
        }
        return live;
    }

    /** Pseudo-random bytes made as they are read, digested on the way. */
    private static final class Generated extends InputStream {
        private final int seed;
        private final SplittableRandom random;
        private final MessageDigest sha256;
        private long left;

        Generated(int seed, long length) throws Exception {
            this.seed = seed;
            this.random = new SplittableRandom(seed);
            this.sha256 = MessageDigest.getInstance("SHA-256");
            this.left = length;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (left == 0) {
                return -1;
            }
            int count = (int) Math.min(length, left);
            for (int i = 0; i < count; i += 8) {
                long value = random.nextLong();
                for (int j = 0; j < 8 && i + j < count; j++) {
                    buffer[offset + i + j] = (byte) (value >>> (8 * j));
                }
            }
            sha256.update(buffer, offset, count);
            left -= count;
            return count;
        }

        String sha256() {
            return HexFormat.of().formatHex(sha256.digest());
        }
    }

    private ConcurrentS3Uploads() {
    }
}
