package io.tenantry.bootstrap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads response bodies in tests. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static JsonNode parse(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    static String order(String customer) {
        return "{\"customer\":\"" + customer + "\",\"lines\":[{\"sku\":\"SKU-1\",\"quantity\":2,\"unitPriceCents\":1250}]}";
    }
}
