package io.tenantry.bootstrap;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks every exchange of the end-to-end tests against the API document the server serves, with Atlassian's
 * validator: a field, status or header that drifts from the document fails the test that saw it. A request the
 * server refused (4xx) is a negative test's own bad request, so only its response is held to the document.
 */
final class ContractCheck {

    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createForInlineApiSpecification(document()).build();

    /** The API page's scripts, styles and icons: files of the page ({@code GET /docs} is in the document), no API. */
    private static final String PAGE_FILES = "/docs/";

    private ContractCheck() {
    }

    static void check(String method, URI uri, Map<String, List<String>> requestHeaders, byte[] requestBody,
                      int status, HttpHeaders responseHeaders, String responseBody) {
        if (uri.getRawPath().startsWith(PAGE_FILES)) {
            return;
        }
        SimpleRequest.Builder request = new SimpleRequest.Builder(Request.Method.valueOf(method), uri.getRawPath());
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] nameAndValue = pair.split("=", 2);
                request.withQueryParam(decode(nameAndValue[0]), nameAndValue.length > 1 ? decode(nameAndValue[1]) : "");
            }
        }
        requestHeaders.forEach((name, values) -> request.withHeader(name, values));
        if (requestBody != null && requestBody.length > 0) {
            request.withBody(requestBody);
        }
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        responseHeaders.map().forEach(response::withHeader);
        if (responseBody != null && !responseBody.isEmpty()) {
            response.withBody(responseBody);
        }
        ValidationReport report = VALIDATOR.validate(request.build(), response.build());
        List<ValidationReport.Message> problems = report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .filter(message -> status < 400 || status >= 500 || !message.getKey().startsWith("validation.request"))
                .toList();
        if (!problems.isEmpty()) {
            throw new AssertionError(method + " " + uri.getRawPath() + " answered " + status
                    + " against the API document:\n" + problems.stream().map(ValidationReport.Message::toString)
                    .collect(Collectors.joining("\n")) + "\nbody: " + responseBody);
        }
    }

    private static String decode(String value) {
        return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static String document() {
        try (InputStream in = ContractCheck.class.getResourceAsStream("/openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is not on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
