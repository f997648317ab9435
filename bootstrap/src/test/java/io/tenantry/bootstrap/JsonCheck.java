package io.tenantry.bootstrap;

import io.tenantry.bootstrap.Api.Response;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Assertions over list responses. */
final class JsonCheck {

    private JsonCheck() {
    }

    static void onlyCustomers(Response list, String... customers) {
        assertEquals(200, list.status(), list.body());
        List<String> seen = new ArrayList<>();
        Json.parse(list.body()).get("items").forEach(item -> seen.add(item.get("customer").asText()));
        assertEquals(List.of(customers), seen);
    }
}
