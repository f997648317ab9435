package io.tenantry.bootstrap;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.tenantry.adapters.persistence.postgres.TestDatabase;
import io.tenantry.bootstrap.TestServer.TestTenant;
import io.tenantry.kernel.context.Tier;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Starting, logging, minting tokens and stopping. */
class LifecycleTest {

    @Test
    void aStopLetsTheRequestInFlightFinish() throws Exception {
        TestDatabase database = TestDatabase.create(2);
        TestServer server = TestServer.start(database, Duration.ofSeconds(2));
        try {
            TestTenant tenant = server.newTenant(Tier.PRO);
            byte[] body = Json.order("in flight").getBytes(StandardCharsets.UTF_8);
            try (Socket socket = new Socket("127.0.0.1", server.tenantry.port())) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/orders HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + tenant.member()
                        + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(body, 0, 10);
                out.flush();
                Thread.sleep(300);
                CompletableFuture<Void> stopping = CompletableFuture.runAsync(server.tenantry::close);
                Thread.sleep(500);
                out.write(body, 10, body.length - 10);
                out.flush();
                InputStream in = socket.getInputStream();
                String response = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
                assertEquals("HTTP/1.1 201", response, "the request in flight completes during the stop");
                stopping.get();
            }
        } finally {
            server.tenantry.close();
            database.close();
        }
    }

    @Test
    void everyRequestIsLoggedWithItsIdAndTenant() throws InterruptedException {
        TestServer server = TestServer.get();
        TestTenant tenant = server.newTenant(Tier.FREE);
        Logger log = (Logger) LoggerFactory.getLogger("io.tenantry.http");
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        ch.qos.logback.classic.Level level = log.getLevel();
        log.setLevel(ch.qos.logback.classic.Level.INFO);
        log.addAppender(captured);
        try {
            server.api.get("/api/orders", tenant.member(), "X-Request-Id", "req-42");
            // the request line is written after the response is sent: wait for it a little
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (!logged(captured, tenant) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } finally {
            log.detachAppender(captured);
            log.setLevel(level);
        }
        assertTrue(logged(captured, tenant), captured.list.toString());
    }

    private static boolean logged(ListAppender<ILoggingEvent> captured, TestTenant tenant) {
        return List.copyOf(captured.list).stream().map(ILoggingEvent::getFormattedMessage)
                .anyMatch(line -> line.contains("/api/orders 200") && line.contains("tenant=" + tenant.id())
                        && line.contains("request=req-42"));
    }

    @Test
    void theTokenCommandMintsATokenTheServerAccepts() {
        TestServer server = TestServer.get();
        TestTenant tenant = server.newTenant(Tier.PRO);
        TenantryConfig config = TenantryConfig.load(new ConfigSource(Map.of("TENANTRY_DB_URL", "jdbc:postgresql://unused/x",
                "TENANTRY_JWT_SECRET", TestServer.SECRET)));
        String token = Main.token(config, new String[] {"--tenant", tenant.id().value(), "--tier", "pro",
                "--roles", "member,owner", "--ttl", "600"});
        assertEquals(200, server.api.get("/api/orders", token).status());
    }

    @Test
    void aConfiguredDatabaseNeedsAnExplicitSecret() {
        IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> TenantryConfig.load(new ConfigSource(Map.of("TENANTRY_DB_URL", "jdbc:postgresql://db/x"))));
        assertTrue(refused.getMessage().contains("TENANTRY_JWT_SECRET"));
        assertTrue(TenantryConfig.load(new ConfigSource(Map.of())).embedded(), "no database URL: embedded defaults");
    }
}
