package io.tenantry.adapters.web.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a client generator needs from the served document: every operation names itself (a stable camelCase
 * operationId, unique), belongs to a declared tag, and states its security, an empty list for the public ones.
 */
class OpenApiDocumentTest {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final Set<String> PUBLIC = Set.of("GET /health", "GET /metrics", "GET /openapi.json", "GET /docs");
    private static JsonNode document;

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream("/openapi.json")) {
            document = new ObjectMapper().readTree(in);
        }
    }

    @Test
    void everyOperationHasAUniqueOperationIdAndADeclaredTag() {
        Set<String> declaredTags = new HashSet<>();
        document.get("tags").forEach(tag -> declaredTags.add(tag.get("name").asText()));
        Set<String> ids = new HashSet<>();
        List<String> problems = new ArrayList<>();
        forEachOperation((name, operation) -> {
            String id = operation.path("operationId").asText("");
            if (!id.matches("[a-z][A-Za-z]+") || !ids.add(id)) {
                problems.add(name + ": operationId '" + id + "' is missing, not camelCase or not unique");
            }
            JsonNode tags = operation.path("tags");
            if (tags.size() != 1 || !declaredTags.contains(tags.get(0).asText())) {
                problems.add(name + ": needs one declared tag, has " + tags);
            }
        });
        assertEquals(List.of(), problems);
        assertEquals(23, ids.size(), "positive control: every route of the API is here");
    }

    @Test
    void publicOperationsSayTheyNeedNoTokenAndTheOthersNeedTheBearer() {
        List<String> problems = new ArrayList<>();
        forEachOperation((name, operation) -> {
            JsonNode security = operation.get("security");
            boolean open = security != null && security.isArray() && security.isEmpty();
            boolean bearer = security != null && security.size() == 1 && security.get(0).has("bearer");
            if (PUBLIC.contains(name) ? !open : !bearer) {
                problems.add(name + ": security " + security);
            }
        });
        assertEquals(List.of(), problems);
        assertTrue(document.at("/components/schemas/OrderPage/properties/nextCursor/nullable").asBoolean(),
                "a page's last cursor is null, and says so");
    }

    private static void forEachOperation(java.util.function.BiConsumer<String, JsonNode> check) {
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            if (METHODS.contains(method.getKey())) {
                check.accept(method.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey(), method.getValue());
            }
        }));
    }
}
