package io.tenantry.adapters.web.http;

import java.util.Objects;

/**
 * An RFC 9457 problem document: what every error response carries. The texts are written for clients; no stack
 * trace, SQL, constraint or class name ever goes into one.
 *
 * @param type   a URI naming the kind of problem
 * @param title  a short summary of the kind
 * @param status the HTTP status
 * @param detail what happened in this case
 */
public record Problem(String type, String title, int status, String detail) {

    public static final String CONTENT_TYPE = "application/problem+json";
    private static final String TYPES = "https://tenantry.io/problems/";

    /** The type of a 429 for a tenant with as many uploads in progress as it may have. */
    public static final String TENANT_UPLOADS_BUSY = TYPES + "uploads-busy";

    public Problem {
        Objects.requireNonNull(type, "'type' must not be null");
        Objects.requireNonNull(title, "'title' must not be null");
        Objects.requireNonNull(detail, "'detail' must not be null");
    }

    public static Problem badRequest(String detail) {
        return new Problem(TYPES + "invalid-request", "Invalid request", 400, detail);
    }

    public static Problem unauthorized(String detail) {
        return new Problem(TYPES + "unauthorized", "Unauthorized", 401, detail);
    }

    public static Problem forbidden(String detail) {
        return new Problem(TYPES + "forbidden", "Forbidden", 403, detail);
    }

    public static Problem notFound() {
        return new Problem(TYPES + "not-found", "Not found", 404, "There is no such resource.");
    }

    public static Problem methodNotAllowed() {
        return new Problem(TYPES + "method-not-allowed", "Method not allowed", 405,
                "This resource does not support that method.");
    }

    public static Problem conflict(String detail) {
        return new Problem(TYPES + "conflict", "Conflict", 409, detail);
    }

    public static Problem tooLarge(long limit) {
        return new Problem(TYPES + "too-large", "Request body too large", 413,
                "The request body must not be larger than " + limit + " bytes.");
    }

    public static Problem unsupportedMediaType(String expected) {
        return new Problem(TYPES + "unsupported-media-type", "Unsupported media type", 415,
                "The request body must be " + expected + ".");
    }

    public static Problem unprocessable(String detail) {
        return new Problem(TYPES + "unprocessable", "Unprocessable request", 422, detail);
    }

    public static Problem tooManyRequests(String tier) {
        return new Problem(TYPES + "rate-limited", "Too many requests", 429,
                "This tenant has used its " + tier + " request budget; retry after the time in Retry-After.");
    }

    /** Over the budget an operation has of its own (placing orders, storing files), beside the tier's overall one. */
    public static Problem tooManyOfOperation(String tier, String operation) {
        return new Problem(TYPES + "rate-limited", "Too many requests", 429,
                "This tenant has used its " + tier + " budget for " + operation + "; retry after the time in Retry-After.");
    }

    public static Problem tenantBusy() {
        return new Problem(TYPES + "tenant-busy", "Too much work in flight", 429,
                "This tenant already has as many database operations in flight as its tier allows; retry after the time in Retry-After.");
    }

    public static Problem statementTimedOut() {
        return new Problem(TYPES + "statement-timeout", "Service unavailable", 503,
                "The request needed more database time than this tenant's tier allows; try again later or ask for less.");
    }

    public static Problem quotaExceeded(String quota) {
        return new Problem(TYPES + "quota-exceeded", "Storage quota exceeded", 507,
                "The file would take this tenant over its storage quota of " + quota + "; nothing was stored."
                        + " Delete files to make room.");
    }

    public static Problem tenantUploadsBusy() {
        return new Problem(TENANT_UPLOADS_BUSY, "Too many uploads", 429,
                "This tenant has as many uploads in progress as it may; retry after the time in Retry-After.");
    }

    public static Problem serviceUploadsBusy() {
        return new Problem(TYPES + "busy", "Service busy", 503,
                "The service has as many uploads in progress as it can take; retry after the time in Retry-After.");
    }

    public static Problem unavailable() {
        return new Problem(TYPES + "unavailable", "Service unavailable", 503,
                "A dependency of the service is unavailable; try again later.");
    }

    public static Problem internal() {
        return new Problem(TYPES + "internal", "Internal error", 500, "The request could not be completed.");
    }
}
