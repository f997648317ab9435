package io.tenantry.bootstrap;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.tenantry.bootstrap.TestServer.TestTenant;
import io.tenantry.client.ApiClient;
import io.tenantry.client.ApiException;
import io.tenantry.client.ApiResponse;
import io.tenantry.client.api.OrdersApi;
import io.tenantry.client.model.ChangeStatus;
import io.tenantry.client.model.Line;
import io.tenantry.client.model.Order;
import io.tenantry.client.model.OrderPage;
import io.tenantry.client.model.PlaceOrder;
import io.tenantry.client.model.Problem;
import io.tenantry.kernel.context.Tier;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What a customer's team does first: generate a Java client from {@code /openapi.json} (openapi-generator's
 * {@code native} library, at build time, see the bootstrap pom) and drive a real server through it. Orders are
 * placed, read, paged, changed and deleted; a foreign id is a 404 problem the client reads into its own
 * {@link Problem} type; a tenant over its budget gets a 429 with the rate-limit headers.
 */
class GeneratedClientTest {

    private final TestServer server = TestServer.get();

    @Test
    void ordersArePlacedReadPagedChangedAndDeletedThroughTheGeneratedClient() throws ApiException {
        OrdersApi orders = new OrdersApi(client(server.newTenant(Tier.PRO).owner()));
        List<UUID> placed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Order order = orders.placeOrder(new PlaceOrder().customer("Customer " + i)
                    .lines(List.of(new Line().sku("SKU-" + i).quantity(i + 1).unitPriceCents(250))), null);
            assertEquals(Order.StatusEnum.OPEN, order.getStatus());
            placed.add(order.getId());
        }

        Order first = orders.getOrder(placed.getFirst());
        assertEquals("Customer 0", first.getCustomer());
        assertEquals(250, first.getTotalCents());
        assertEquals("SKU-0", first.getLines().getFirst().getSku());

        Set<UUID> listed = new HashSet<>();
        int pages = 0;
        String cursor = null;
        do {
            OrderPage page = orders.listOrders(2, cursor, null);
            assertTrue(page.getItems().size() <= 2, "a page holds at most its limit");
            page.getItems().forEach(order -> listed.add(order.getId()));
            cursor = page.getNextCursor();
            pages++;
        } while (cursor != null && pages < 10);
        assertEquals(Set.copyOf(placed), listed, "the pages together hold every order once");
        assertEquals(3, pages, "five orders in pages of two");

        Order paid = orders.changeOrderStatus(placed.get(1), new ChangeStatus().status(ChangeStatus.StatusEnum.PAID));
        assertEquals(Order.StatusEnum.PAID, paid.getStatus());
        assertEquals(Order.StatusEnum.PAID, orders.getOrder(placed.get(1)).getStatus());

        orders.deleteOrder(placed.get(2));
        assertEquals(404, assertThrows(ApiException.class, () -> orders.getOrder(placed.get(2))).getCode());
        assertEquals(Order.StatusEnum.OPEN, orders.getOrder(placed.get(3)).getStatus(), "positive control");
    }

    @Test
    void aForeignOrderIsATypedNotFoundProblemIdenticalToAMissingOne() throws Exception {
        TestTenant owner = server.newTenant(Tier.PRO);
        UUID foreign = new OrdersApi(client(owner.member())).placeOrder(new PlaceOrder().customer("Owner's")
                .lines(List.of(new Line().sku("MINE").quantity(1).unitPriceCents(1))), null).getId();
        ApiClient intruder = client(server.newTenant(Tier.PRO).member());
        OrdersApi orders = new OrdersApi(intruder);

        ApiException refused = assertThrows(ApiException.class, () -> orders.getOrder(foreign));
        ApiException missing = assertThrows(ApiException.class, () -> orders.getOrder(UUID.randomUUID()));
        Problem problem = problem(intruder, refused);
        assertEquals(404, refused.getCode());
        assertEquals(404, problem.getStatus());
        assertEquals("https://tenantry.io/problems/not-found", problem.getType());
        assertEquals(problem, problem(intruder, missing), "a foreign order reads exactly as a missing one");
        assertEquals("application/problem+json", refused.getResponseHeaders().firstValue("Content-Type").orElseThrow());
        assertEquals("Owner's", new OrdersApi(client(owner.member())).getOrder(foreign).getCustomer(),
                "positive control: its owner reads it");
    }

    @Test
    void aTenantOverItsBudgetGetsA429CarryingTheRateLimitHeaders() throws Exception {
        ApiClient client = client(server.newTenant(Tier.FREE).member());
        OrdersApi orders = new OrdersApi(client);
        ApiResponse<OrderPage> admitted = orders.listOrdersWithHttpInfo(1, null, null);
        assertEquals(200, admitted.getStatusCode());
        assertEquals(List.of("\"free\";q=100;w=60"), admitted.getHeaders().get("ratelimit-policy"));
        for (int sent = 1; sent < 300; sent++) {
            try {
                orders.listOrders(1, null, null);
            } catch (ApiException limited) {
                assertEquals(429, limited.getCode(), limited.getResponseBody());
                assertTrue(sent >= 99, "the free budget is 100 a minute; refused after " + sent);
                var headers = limited.getResponseHeaders();
                assertTrue(Integer.parseInt(headers.firstValue("Retry-After").orElseThrow()) > 0);
                assertEquals("\"free\";q=100;w=60", headers.firstValue("RateLimit-Policy").orElseThrow());
                assertTrue(headers.firstValue("RateLimit").orElseThrow().startsWith("\"free\";r=0;"),
                        headers.firstValue("RateLimit").orElseThrow());
                assertEquals(429, problem(client, limited).getStatus());
                return;
            }
        }
        fail("300 requests of a free tenant in a row were never refused");
    }

    private ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(server.api.base());
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    private static Problem problem(ApiClient client, ApiException failure) throws JsonProcessingException {
        assertNotNull(failure.getResponseBody(), "an error answers a problem document");
        Problem problem = client.getObjectMapper().readValue(failure.getResponseBody(), Problem.class);
        return problem;
    }
}
