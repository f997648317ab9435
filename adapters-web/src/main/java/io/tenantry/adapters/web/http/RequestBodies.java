package io.tenantry.adapters.web.http;

import io.javalin.http.Context;

import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

/** Small request-reading helpers that answer bad input with a problem, never with a 500. */
public final class RequestBodies {

    private RequestBodies() {
    }

    /** The body as JSON of {@code type}; 415 unless the request says it is JSON. */
    public static <T> T json(Context ctx, JsonCodec codec, Class<T> type) {
        String contentType = ctx.contentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new ProblemException(Problem.unsupportedMediaType("application/json"));
        }
        return codec.read(ctx.bodyAsBytes(), type);
    }

    /** A path id; anything that is not a UUID names nothing, so it is a 404 like a missing id. */
    public static UUID id(Context ctx, String name) {
        String raw = ctx.pathParam(name);
        try {
            UUID id = UUID.fromString(raw);
            if (id.toString().equalsIgnoreCase(raw)) {
                return id;
            }
        } catch (IllegalArgumentException malformed) {
            // falls through to 404
        }
        throw new ProblemException(Problem.notFound());
    }

    /** Builds a value whose constructor validates; its message (written for clients) becomes a 400. */
    public static <T> T valid(Supplier<T> construction) {
        try {
            return construction.get();
        } catch (IllegalArgumentException | NullPointerException invalid) {
            String message = invalid.getMessage() == null ? "A required field is missing." : invalid.getMessage();
            throw new ProblemException(Problem.badRequest(message));
        }
    }

    /** An optional integer query parameter within bounds. */
    public static int intParam(Context ctx, String name, int fallback, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // falls through to 400
        }
        throw new ProblemException(Problem.badRequest("'" + name + "' must be an integer from " + min + " to " + max + "."));
    }
}
