package io.tenantry.bootstrap;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    /**
     * The examples a reader of the API page copies from follow the document: each operation's request example and
     * each of its JSON answers' examples pass the same check as a real exchange. Every body the API takes or gives
     * as JSON has one.
     */
    @Test
    void everyExampleFollowsTheDocumentAndEveryJsonBodyHasOne() {
        JsonNode paths = Json.parse(document()).get("paths");
        List<String> missing = new ArrayList<>();
        int[] checked = {0};
        paths.properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            String method = operation.getKey().toUpperCase(java.util.Locale.ROOT);
            String name = method + " " + path.getKey();
            URI uri = URI.create("http://127.0.0.1" + path.getKey()
                    .replace("/admin/tenants/{id}", "/admin/tenants/acme")
                    .replace("{id}", "0b6f7c4e-3c1a-4e0b-9d3e-6f1f2a7b9c10").replace("{name}", "invoice.pdf"));
            JsonNode requestJson = operation.getValue().at("/requestBody/content/application~1json");
            if (!requestJson.isMissingNode() && !requestJson.has("example")) {
                missing.add(name + " request");
            }
            boolean binary = operation.getValue().at("/requestBody/content/*~1*").isObject();
            byte[] requestBody = requestJson.has("example")
                    ? requestJson.get("example").toString().getBytes(StandardCharsets.UTF_8)
                    : binary ? "%PDF-1.7".getBytes(StandardCharsets.UTF_8) : null;
            Map<String, List<String>> headers = Map.of("Authorization", List.of("Bearer x"),
                    "Content-Type", List.of(binary ? "application/pdf" : "application/json"));
            operation.getValue().get("responses").properties().forEach(response -> {
                JsonNode answer = response.getValue().at("/content/application~1json");
                if (answer.isMissingNode() || !response.getKey().startsWith("2")) {
                    return;
                }
                if (!answer.has("example")) {
                    missing.add(name + " " + response.getKey());
                    return;
                }
                HttpHeaders json = HttpHeaders.of(Map.of("Content-Type", List.of("application/json")), (n, v) -> true);
                ContractCheck.check(method, uri, headers, requestBody, Integer.parseInt(response.getKey()), json,
                        answer.get("example").toString());
                checked[0]++;
            });
        }));
        HttpHeaders problem = HttpHeaders.of(Map.of("Content-Type", List.of("application/problem+json")), (n, v) -> true);
        ContractCheck.check("GET", URI.create("http://127.0.0.1/api/orders/0b6f7c4e-3c1a-4e0b-9d3e-6f1f2a7b9c10"),
                BEARER, null, 404, problem, Json.parse(document()).at("/components/schemas/Problem/example").toString());
        assertEquals(List.of(), missing, "JSON bodies without an example");
        assertTrue(checked[0] >= 19, "positive control: the answers with examples were checked: " + checked[0]);
    }

    private static String document() {
        try (InputStream in = ContractCheckTest.class.getResourceAsStream("/openapi.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
