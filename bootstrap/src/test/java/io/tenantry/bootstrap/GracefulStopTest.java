package io.tenantry.bootstrap;

import io.tenantry.adapters.persistence.postgres.PostgresSettings;
import io.tenantry.adapters.persistence.postgres.TestDatabase;
import io.tenantry.adapters.web.auth.DevelopmentTokens;
import io.tenantry.kernel.context.TenantId;
import io.tenantry.kernel.context.TenantIdentity;
import io.tenantry.kernel.context.Tier;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code serve} as its own process, stopped with SIGTERM while 50 slow requests are in flight: {@code /health}
 * turns not-ready first, then new connections are refused, and every request in flight completes.
 */
class GracefulStopTest {

    private static final int IN_FLIGHT = 50;
    private static final Duration GRACE = Duration.ofMillis(1_500);

    @Test
    void sigtermTurnsNotReadyThenRefusesNewWorkAndFinishesEveryRequestInFlight() throws Exception {
        try (TestDatabase database = TestDatabase.create(4)) {
            int port = freePort();
            Path log = Files.createTempFile("tenantry-serve", ".log");
            log.toFile().deleteOnExit();
            Process serve = startServe(database.settings(), port, log);
            try {
                Api api = new Api("http://127.0.0.1:" + port);
                waitFor(() -> healthStatus(api) == 200, Duration.ofSeconds(60), log);
                database.execute("INSERT INTO tenants (id, name, tier, status) VALUES ('slow-tenant', 'Slow', 'pro', 'active')");
                String token = new DevelopmentTokens(TestServer.JWT, Clock.systemUTC()).mint(new TenantIdentity(
                        TenantId.of("slow-tenant"), Tier.PRO, "slow@client", Set.of(TenantIdentity.MEMBER)), Duration.ofMinutes(5));

                List<Socket> slow = new ArrayList<>();
                List<byte[]> bodies = new ArrayList<>();
                for (int i = 0; i < IN_FLIGHT; i++) {
                    byte[] body = Json.order("slow customer " + i).getBytes(StandardCharsets.UTF_8);
                    Socket socket = new Socket("127.0.0.1", port);
                    OutputStream out = socket.getOutputStream();
                    out.write(("POST /api/orders HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                            + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.write(body, 0, 10);
                    out.flush();
                    slow.add(socket);
                    bodies.add(body);
                }
                Thread.sleep(500);

                serve.destroy();
                // the slow clients keep sending a few bytes at a time, as a slow upload does, all through the stop
                Thread trickle = Thread.ofVirtual().start(() -> trickle(slow, bodies));
                waitFor(() -> healthStatus(api) == 503, Duration.ofMillis(GRACE.toMillis() / 2), log);
                assertTrue(serve.isAlive());
                waitFor(() -> refusesConnections(port), Duration.ofSeconds(5), log);
                assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close(), "new work is refused");
                assertTrue(trickle.isAlive(), "the requests are still in flight after new connections are refused");
                trickle.join();

                List<String> answers = new ArrayList<>();
                for (Socket socket : slow) {
                    InputStream in = socket.getInputStream();
                    answers.add(new String(in.readNBytes(12), StandardCharsets.US_ASCII));
                    socket.close();
                }
                assertEquals(List.of("HTTP/1.1 201"), answers.stream().distinct().toList(), "every request in flight completes");
                assertTrue(serve.waitFor(30, TimeUnit.SECONDS), "the process exits once drained");
                assertEquals(String.valueOf(IN_FLIGHT), database.query("SELECT count(*) FROM orders WHERE tenant_id = 'slow-tenant'"));
            } finally {
                serve.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static Process startServe(PostgresSettings settings, int port, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "serve");
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("TENANTRY_"));
        env.putAll(Map.of("TENANTRY_DB_URL", settings.url(), "TENANTRY_DB_USER", settings.migrator().user(),
                "TENANTRY_DB_PASSWORD", settings.migrator().password(), "TENANTRY_DB_APP_USER", settings.app().user(),
                "TENANTRY_DB_APP_PASSWORD", settings.app().password(), "TENANTRY_DB_BYPASS_USER", settings.bypass().user(),
                "TENANTRY_DB_BYPASS_PASSWORD", settings.bypass().password(), "TENANTRY_JWT_SECRET", TestServer.SECRET,
                "TENANTRY_HTTP_PORT", String.valueOf(port), "TENANTRY_READINESS_GRACE_MILLIS", String.valueOf(GRACE.toMillis())));
        env.put("TENANTRY_DEMO", "false");
        // all the requests in flight reach the database at once: this test is about stopping, not bulkheads or deadlines
        env.put("TENANTRY_DB_CONCURRENCY_PRO", "64");
        env.put("TENANTRY_DB_CHECKOUT_MILLIS", "10000");
        env.put("TENANTRY_DRAIN_SECONDS", "20");
        return builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Sends the rest of every body in slices of four bytes, 250 ms apart (about five seconds for an order). */
    private static void trickle(List<Socket> sockets, List<byte[]> bodies) {
        try {
            for (int offset = 10; offset < bodies.stream().mapToInt(body -> body.length).max().orElseThrow(); offset += 4) {
                for (int i = 0; i < sockets.size(); i++) {
                    byte[] body = bodies.get(i);
                    if (offset < body.length) {
                        OutputStream out = sockets.get(i).getOutputStream();
                        out.write(body, offset, Math.min(4, body.length - offset));
                        out.flush();
                    }
                }
                Thread.sleep(250);
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int healthStatus(Api api) {
        try {
            return api.get("/health", null).status();
        } catch (RuntimeException unreachable) {
            return -1;
        }
    }

    private static boolean refusesConnections(int port) {
        try (Socket probe = new Socket("127.0.0.1", port)) {
            return false;
        } catch (IOException refused) {
            return true;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, Duration limit, Path log) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + limit + "; the server said:\n" + Files.readString(log));
            }
            Thread.sleep(25);
        }
    }
}
