package io.tenantry.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantry.bootstrap.Api.Response;
import io.tenantry.bootstrap.TestServer.TestTenant;
import io.tenantry.kernel.context.Tier;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 50 tenants, 64 client threads, random operations: every response holds only the caller's tenant's rows. Each
 * tenant's customers carry the tenant id, so a leaked row is recognised wherever it shows up.
 */
class ConcurrentTenantsApiTest {

    private static final int TENANTS = 50;
    private static final int CLIENTS = 64;
    private static final int REQUESTS_PER_CLIENT = 40;

    private final TestServer server = TestServer.get();
    private final Api api = server.api;

    @Test
    void fiftyTenantsUnderConcurrentLoadSeeOnlyTheirOwnRows() throws Exception {
        List<TestTenant> tenants = new ArrayList<>();
        List<String> firstOrders = new ArrayList<>();
        for (int i = 0; i < TENANTS; i++) {
            TestTenant tenant = server.newTenant(Tier.values()[i % 3]);
            tenants.add(tenant);
            firstOrders.add(Json.parse(api.post("/api/orders", tenant.member(), Json.order("of " + tenant.id())).body())
                    .get("id").asText());
        }
        List<Future<Integer>> clients = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(CLIENTS)) {
            for (int c = 0; c < CLIENTS; c++) {
                clients.add(pool.submit(() -> {
                    int checked = 0;
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int r = 0; r < REQUESTS_PER_CLIENT; r++) {
                        int index = random.nextInt(TENANTS);
                        TestTenant tenant = tenants.get(index);
                        String mine = "of " + tenant.id();
                        switch (random.nextInt(4)) {
                            case 0 -> checkList(api.get("/api/orders?limit=100", tenant.member()), mine);
                            case 1 -> assertEquals(mine, Json.parse(api.get("/api/orders/" + firstOrders.get(index),
                                    tenant.member()).body()).get("customer").asText());
                            case 2 -> api.get("/api/orders/" + firstOrders.get((index + 1) % TENANTS), tenant.member())
                                    .assertProblem(404);
                            default -> assertEquals(mine, Json.parse(api.post("/api/orders", tenant.member(),
                                    Json.order(mine)).body()).get("customer").asText());
                        }
                        checked++;
                    }
                    return checked;
                }));
            }
            int total = 0;
            for (Future<Integer> client : clients) {
                total += client.get();
            }
            assertEquals(CLIENTS * REQUESTS_PER_CLIENT, total);
        }
    }

    private static void checkList(Response response, String mine) {
        assertEquals(200, response.status(), response.body());
        JsonNode items = Json.parse(response.body()).get("items");
        assertTrue(items.size() >= 1);
        items.forEach(item -> assertEquals(mine, item.get("customer").asText(), "a row of another tenant leaked"));
    }
}
