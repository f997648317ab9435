package io.tenantry.bootstrap;

import io.tenantry.adapters.persistence.postgres.TestDatabase;
import io.tenantry.application.file.FileService;
import io.tenantry.application.file.TierQuotas;
import io.tenantry.application.file.UploadBounds;
import io.tenantry.bootstrap.TestServer.TestTenant;
import io.tenantry.kernel.context.Tier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The upload bounds end to end, on a server of its own allowing 2 uploads per tenant and 3 in all: uploads whose
 * bodies are held back keep their slots, the next one of the same tenant is 429, the next one of anyone once the
 * service is full is 503, both with {@code Retry-After}, and everything is served again once the held ones end.
 */
class FilesConcurrencyApiTest {

    private static TestDatabase database;
    private static TestServer server;

    @BeforeAll
    static void start() {
        database = TestDatabase.create(2);
        server = TestServer.start(database, new UploadBounds(2, 3), TierQuotas.defaults());
    }

    @AfterAll
    static void stop() {
        server.tenantry.close();
        database.close();
    }

    @Test
    void uploadsOverTheTenantsBoundAre429AndOverTheServicesBoundAre503() throws Exception {
        // enterprise: the retries below stay far inside its request budget
        TestTenant a = server.newTenant(Tier.ENTERPRISE);
        TestTenant b = server.newTenant(Tier.PRO);
        TestTenant c = server.newTenant(Tier.ENTERPRISE);
        List<HeldUpload> held = new ArrayList<>();
        try {
            held.add(new HeldUpload(a.member(), "held-1.bin"));
            held.add(new HeldUpload(a.member(), "held-2.bin"));
            awaitUploadsInProgress(2);
            Api.Response tenantFull = put(a.member(), "third.bin").assertProblem(429);
            assertEquals(Optional.of("1"), tenantFull.header("Retry-After"));
            assertEquals("https://tenantry.io/problems/uploads-busy", Json.parse(tenantFull.body()).get("type").asText());
            assertEquals(201, put(b.member(), "quick.bin").status(), "positive control: another tenant is served");

            held.add(new HeldUpload(b.member(), "held-3.bin"));
            awaitUploadsInProgress(3);
            Api.Response serviceFull = put(c.member(), "fourth.bin").assertProblem(503);
            assertEquals(Optional.of("1"), serviceFull.header("Retry-After"));
            assertEquals("https://tenantry.io/problems/busy", Json.parse(serviceFull.body()).get("type").asText());
            assertEquals(200, server.api.get("/api/orders", c.member()).status(), "other requests are still served");
        } finally {
            held.forEach(HeldUpload::release);
        }
        for (HeldUpload upload : held) {
            assertEquals(201, upload.status.get(20, TimeUnit.SECONDS), "a held upload completes");
        }
        assertEquals(201, put(a.member(), "third.bin").status(), "positive control: the tenant's slots are free again");
        assertEquals(201, put(c.member(), "fourth.bin").status(), "positive control: the service's too");
    }

    private static Api.Response put(String token, String name) {
        return server.api.sendBytes("PUT", "/api/files/" + name, token, "data".getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/octet-stream");
    }

    /** Waits until the server has {@code count} uploads in progress: held uploads take their slots asynchronously. */
    private static void awaitUploadsInProgress(int count) throws InterruptedException {
        FileService files = server.tenantry.bean(FileService.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (files.uploadsInProgress() != count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(files.uploadsInProgress() + " uploads in progress, not " + count);
            }
            Thread.sleep(10);
        }
    }

    /**
     * An upload over a socket of its own that sends its headers and first bytes (the server dispatches a request
     * once some of its body is in) and the rest only when released, so it holds its slot on the server meanwhile.
     */
    private static final class HeldUpload {
        private static final int LENGTH = 1_024;
        private static final int FIRST = 16;

        final CountDownLatch released = new CountDownLatch(1);
        final CompletableFuture<Integer> status = new CompletableFuture<>();

        HeldUpload(String token, String name) {
            URI base = URI.create(server.api.base());
            Thread.ofVirtual().start(() -> {
                try (Socket socket = new Socket(base.getHost(), base.getPort())) {
                    socket.setSoTimeout(30_000);
                    OutputStream out = socket.getOutputStream();
                    out.write(("PUT /api/files/" + name + " HTTP/1.1\r\nHost: " + base.getAuthority()
                            + "\r\nAuthorization: Bearer " + token + "\r\nContent-Type: application/octet-stream"
                            + "\r\nContent-Length: " + LENGTH + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.write(new byte[FIRST]);
                    out.flush();
                    if (!released.await(30, TimeUnit.SECONDS)) {
                        throw new IOException("never released");
                    }
                    out.write(new byte[LENGTH - FIRST]);
                    out.flush();
                    String statusLine = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
                    status.complete(Integer.parseInt(statusLine.substring(9, 12)));
                } catch (Exception failure) {
                    status.completeExceptionally(failure);
                }
            });
        }

        void release() {
            released.countDown();
        }
    }
}
