package io.tenantry.bootstrap;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the command line prints and how it ends. */
class MainTest {

    private static final Pattern TOKEN = Pattern.compile("eyJ[\\w-]+\\.[\\w-]+\\.[\\w-]+");

    private static String welcome(Map<String, String> settings) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Main.printWelcome(new PrintStream(bytes, true, StandardCharsets.UTF_8), TenantryConfig.load(new ConfigSource(settings)), 8080);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theEmbeddedDefaultsPrintDemoTokens() {
        String printed = welcome(Map.of());
        assertTrue(printed.contains("Demo tokens (valid 12 hours)"), printed);
        assertTrue(TOKEN.matcher(printed).find(), printed);
    }

    @Test
    void demoDataOnAConfiguredDatabasePrintsNoTokens() {
        String printed = welcome(Map.of("TENANTRY_DB_URL", "jdbc:postgresql://db/x", "TENANTRY_DEMO", "true",
                "TENANTRY_JWT_SECRET", "a-configured-secret-of-32-bytes-at-least"));
        assertTrue(printed.contains("Tenantry is serving at http://127.0.0.1:8080"), printed);
        assertFalse(TOKEN.matcher(printed).find(), printed);
        assertFalse(printed.contains("Demo tokens"), printed);
    }

    @Test
    void aPortInUseEndsServeWithOneLineOnStderrAndStatus1() throws Exception {
        int port;
        try (ServerSocket held = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = held.getLocalPort();
            Serve refused = Serve.start(port);
            assertTrue(refused.process.waitFor(120, TimeUnit.SECONDS), "serve gives up");
            assertEquals(1, refused.process.exitValue());
            List<String> stderr = refused.stderr();
            assertEquals(1, stderr.size(), "one line, no stack trace: " + stderr);
            assertTrue(stderr.getFirst().startsWith("tenantry: cannot start: cannot listen on 127.0.0.1:" + port + ": "), stderr.getFirst());
            assertTrue(stderr.getFirst().toLowerCase(java.util.Locale.ROOT).contains("already in use"), stderr.getFirst());
            assertFalse(refused.stdout().contains("\tat "), refused.stdout());
        }
        Serve serving = Serve.start(port);
        try {
            assertTrue(serving.awaitStdout("Tenantry is serving at http://127.0.0.1:" + port, Duration.ofSeconds(120)),
                    "positive control: the same port, once free, serves\n" + serving.stdout() + serving.stderr());
        } finally {
            serving.process.destroy();
            serving.process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aWrongSettingOrArgumentIsOneLineAndStatus2() {
        StartupFailure wrong = StartupFailure.of(new IllegalArgumentException("TENANTRY_HTTP_PORT must be an integer, was 'x'"));
        assertEquals("tenantry: TENANTRY_HTTP_PORT must be an integer, was 'x'", wrong.line());
        assertEquals(StartupFailure.WRONG_USE, wrong.exitCode());
    }

    @Test
    void anyOtherFailureIsItsReasonOnOneLineAndStatus1() {
        RuntimeException wrapped = new RuntimeException(new IllegalStateException("Failed to initialize pool:\n  Connection refused",
                new IOException("Connection refused")));
        StartupFailure failure = StartupFailure.of(wrapped);
        assertEquals("tenantry: cannot start: Failed to initialize pool: Connection refused", failure.line());
        assertEquals(StartupFailure.FAILED, failure.exitCode());
        assertEquals("tenantry: cannot start: the data folder is read-only: Permission denied", StartupFailure.of(
                new UncheckedIOException("the data folder is read-only", new IOException("Permission denied"))).line(),
                "the root cause is added when it says more");
        assertEquals("tenantry: cannot start: NullPointerException", StartupFailure.of(new NullPointerException()).line(),
                "a failure without a message is named");
    }

    /** {@code java ... Main serve} in a process of its own, on the embedded defaults, in an empty folder. */
    private record Serve(Process process, Path out, Path err) {

        static Serve start(int port) throws IOException {
            Path folder = TestFolders.temporary("tenantry-main");
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve").directory(folder.toFile());
            builder.environment().keySet().removeIf(key -> key.startsWith("TENANTRY_"));
            builder.environment().put("TENANTRY_HTTP_PORT", String.valueOf(port));
            builder.environment().put("TENANTRY_DEMO", "false");
            Path out = folder.resolve("stdout");
            Path err = folder.resolve("stderr");
            return new Serve(builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start(), out, err);
        }

        String stdout() throws IOException {
            return Files.readString(out);
        }

        List<String> stderr() throws IOException {
            return Files.readAllLines(err).stream().filter(line -> !line.isBlank()).toList();
        }

        boolean awaitStdout(String expected, Duration timeout) throws Exception {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline && process.isAlive()) {
                if (stdout().contains(expected)) {
                    return true;
                }
                Thread.sleep(100);
            }
            return stdout().contains(expected);
        }
    }
}
