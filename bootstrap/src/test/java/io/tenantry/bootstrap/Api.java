package io.tenantry.bootstrap;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A small HTTP client for the end-to-end tests. */
final class Api {

    private final String base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Api(String base) {
        this.base = base;
    }

    String base() {
        return base;
    }

    Response get(String path, String token, String... headers) {
        return send("GET", path, token, null, headers);
    }

    Response delete(String path, String token) {
        return send("DELETE", path, token, null);
    }

    Response post(String path, String token, String json, String... headers) {
        return send("POST", path, token, json, withJson(headers));
    }

    Response patch(String path, String token, String json, String... headers) {
        return send("PATCH", path, token, json, withJson(headers));
    }

    Response send(String method, String path, String token, String body, String... headers) {
        return sendBytes(method, path, token, body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8), headers);
    }

    Response sendBytes(String method, String path, String token, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpRequest sent = request.build();
            HttpResponse<String> response = client.send(sent, HttpResponse.BodyHandlers.ofString());
            ContractCheck.check(method, sent.uri(), sent.headers().map(), body, response.statusCode(), response.headers(),
                    response.body());
            return new Response(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""), response.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String[] withJson(String[] headers) {
        List<String> all = new ArrayList<>(List.of(headers));
        if (!all.contains("Content-Type")) {
            all.add("Content-Type");
            all.add("application/json");
        }
        return all.toArray(String[]::new);
    }

    /** What came back. */
    record Response(int status, String body, String contentType, java.net.http.HttpHeaders headers) {

        Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        /** Asserts the status, showing the body when it differs. */
        Response assertStatus(int expected) {
            assertEquals(expected, status, body);
            return this;
        }

        /** Asserts a problem+json answer with {@code status} that leaks nothing internal. */
        Response assertProblem(int expected) {
            assertEquals(expected, status, body);
            assertTrue(contentType.startsWith("application/problem+json"), contentType + " " + body);
            assertTrue(body.contains("\"status\":" + expected), body);
            assertLeaksNothing();
            return this;
        }

        void assertLeaksNothing() {
            String lower = body.toLowerCase(java.util.Locale.ROOT);
            for (String leak : List.of("exception", "java.", "io.tenantry", "org.", "sql", "constraint", "select ",
                    "insert ", "at io.", "stack", "tenant_id", "jdbi", "postgres", "\tat ")) {
                assertFalse(lower.contains(leak), "response leaks '" + leak + "': " + body);
            }
        }
    }
}
