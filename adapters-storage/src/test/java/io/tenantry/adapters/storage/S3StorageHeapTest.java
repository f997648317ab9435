package io.tenantry.adapters.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 200 uploads of 10 MiB at once through {@link S3ObjectStorage} to a real S3-compatible server, in a JVM whose heap
 * (96 MiB) could not hold even ten of them: if any part of the path buffered whole uploads, the run would fail with
 * an OutOfMemoryError. The peak heap used (and the live data after each collection) is sampled as well and must
 * stay far below the 2 000 MiB the uploads add up to. Each ETag is checked against the SHA-256 of what was sent (the positive control: the bytes did arrive).
 */
class S3StorageHeapTest {

    private static final int UPLOADS = 200;
    private static final long BYTES_EACH = 10L * 1024 * 1024;
    private static final long HEAP = 96L * 1024 * 1024;
    private static final Pattern FIGURES =
            Pattern.compile("peakHeapUsed=(\\d+) peakLiveAfterGc=(\\d+) maxHeap=(\\d+) millis=(\\d+)");

    @TempDir
    Path spool;

    @Test
    void twoHundredConcurrentTenMebibyteUploadsFitInASmallHeap() throws Exception {
        S3Settings settings = TestS3.freshSettings();
        Path output = Files.createTempFile("concurrent-uploads", ".log");
        Process child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + HEAP / 1024 / 1024 + "m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                ConcurrentS3Uploads.class.getName(), settings.endpoint().toString(), settings.prefix(),
                spool.toString(), Integer.toString(UPLOADS), Long.toString(BYTES_EACH)))
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean finished = child.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            child.destroyForcibly();
        }
        String log = Files.readString(output);
        assertTrue(finished, "the uploads did not finish within 120 s:\n" + tail(log));
        assertEquals(0, child.exitValue(), tail(log));
        Matcher figures = FIGURES.matcher(log);
        assertTrue(figures.find(), log);
        long peak = Long.parseLong(figures.group(1));
        System.out.printf("%d concurrent uploads of %d MiB: peak heap used %d MiB (live after GC at most %d MiB) of"
                        + " %d MiB, %d ms%n", UPLOADS, BYTES_EACH >> 20, peak >> 20, Long.parseLong(figures.group(2)) >> 20,
                Long.parseLong(figures.group(3)) >> 20, Long.parseLong(figures.group(4)));
        assertTrue(peak < UPLOADS * BYTES_EACH / 10, "peak heap " + peak + " is not well below the uploads' total");
        try (var left = Files.list(spool)) {
            assertEquals(List.of(), left.toList(), "no spool file is left");
        }
    }

    private static String tail(String log) {
        return log.length() > 4_000 ? log.substring(log.length() - 4_000) : log;
    }

}
