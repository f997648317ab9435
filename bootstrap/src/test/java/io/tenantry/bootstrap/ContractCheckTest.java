package io.tenantry.bootstrap;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The check every end-to-end exchange goes through fails on a response that drifts from the document. */
class ContractCheckTest {

    private static final URI ORDERS = URI.create("http://127.0.0.1/api/orders?limit=2");
    private static final Map<String, List<String>> BEARER = Map.of("Authorization", List.of("Bearer x"));

    @Test
    void aResponseThatDriftsFromTheDocumentFailsAndOneThatFollowsItPasses() {
        HttpHeaders json = HttpHeaders.of(Map.of("Content-Type", List.of("application/json")), (name, value) -> true);
        ContractCheck.check("GET", ORDERS, BEARER, null, 200, json, "{\"items\":[],\"nextCursor\":null}");
        AssertionError drifted = assertThrows(AssertionError.class,
                () -> ContractCheck.check("GET", ORDERS, BEARER, null, 200, json, "{\"items\":\"not a list\"}"));
        assertTrue(drifted.getMessage().contains("GET /api/orders answered 200 against the API document"),
                drifted.getMessage());
        assertThrows(AssertionError.class, () -> ContractCheck.check("GET", ORDERS, BEARER, null, 418, json, "{}"),
                "a status the document does not declare");
    }

    @Test
    void aRefusedBadRequestIsHeldOnlyToItsResponse() {
        HttpHeaders problem = HttpHeaders.of(Map.of("Content-Type", List.of("application/problem+json")),
                (name, value) -> true);
        String body = "{\"type\":\"https://tenantry.io/problems/bad-request\",\"title\":\"Bad Request\",\"status\":400,"
                + "\"detail\":\"x\"}";
        ContractCheck.check("GET", URI.create("http://127.0.0.1/api/orders?limit=nope"), BEARER, null, 400, problem, body);
    }
}
