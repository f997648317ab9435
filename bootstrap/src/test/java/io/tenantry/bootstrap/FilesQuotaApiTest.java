package io.tenantry.bootstrap;

import io.tenantry.adapters.persistence.postgres.TestDatabase;
import io.tenantry.application.file.StorageQuota;
import io.tenantry.application.file.TierQuotas;
import io.tenantry.application.file.UploadBounds;
import io.tenantry.bootstrap.TestServer.TestTenant;
import io.tenantry.kernel.context.Tier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Storage quotas end to end, on a server of its own whose free tier may keep 1 000 bytes in 3 files. */
class FilesQuotaApiTest {

    private static TestDatabase database;
    private static TestServer server;

    @BeforeAll
    static void start() {
        database = TestDatabase.create(2);
        server = TestServer.start(database, new UploadBounds(64, 64),
                TierQuotas.defaults().with(Tier.FREE, new StorageQuota(1_000, 3)));
    }

    @AfterAll
    static void stop() {
        server.tenantry.close();
        database.close();
    }

    @Test
    void anUploadOverTheQuotaIs507AndStoresNothing() {
        TestTenant tenant = server.newTenant(Tier.FREE);
        assertEquals(201, put(tenant, "a.bin", 600).status());
        Api.Response over = put(tenant, "b.bin", 500).assertProblem(507);
        assertEquals("https://tenantry.io/problems/quota-exceeded", Json.parse(over.body()).get("type").asText());
        assertTrue(over.header("Retry-After").isEmpty(), "waiting makes no room");
        server.api.get("/api/files/b.bin", tenant.member()).assertProblem(404);
        assertEquals(201, put(tenant, "b.bin", 400).status(), "positive control: what fits is stored");
        assertEquals(201, put(tenant, "c.bin", 0).status());
        put(tenant, "d.bin", 0).assertProblem(507);
        assertEquals(204, server.api.delete("/api/files/a.bin", tenant.member()).status());
        assertEquals(201, put(tenant, "d.bin", 600).status(), "a delete makes room");
        assertEquals(201, put(server.newTenant(Tier.FREE), "a.bin", 1_000).status(), "each tenant has its own quota");
    }

    @Test
    void manyConcurrentUploadsNeverTakeATenantAboveItsQuota() throws Exception {
        TestTenant tenant = server.newTenant(Tier.FREE);
        List<Future<Integer>> statuses = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 20; i++) {
                String name = "f" + i + ".bin";
                statuses.add(threads.submit(() -> put(tenant, name, 300).status()));
            }
        }
        List<Integer> answers = new ArrayList<>();
        for (Future<Integer> status : statuses) {
            answers.add(status.get());
        }
        assertTrue(answers.stream().allMatch(status -> status == 201 || status == 507), answers.toString());
        assertEquals(3, answers.stream().filter(status -> status == 201).count(), "3 of 300 bytes fit, no more: " + answers);
        var items = Json.parse(server.api.get("/api/files", tenant.member()).body()).get("items");
        long bytes = 0;
        for (var item : items) {
            bytes += item.get("size").asLong();
        }
        assertEquals(3, items.size());
        assertEquals(900, bytes, "the tenant is within its quota");
    }

    private static Api.Response put(TestTenant tenant, String name, int size) {
        return server.api.sendBytes("PUT", "/api/files/" + name, tenant.member(), new byte[size],
                "Content-Type", "application/octet-stream");
    }
}
