package io.tenantry.application.idempotency;

import java.util.Objects;
import java.util.Optional;

/** The response a completed request gave, replayed verbatim to retries. */
public record StoredResponse(int status, String body, Optional<String> location) {

    public StoredResponse {
        Objects.requireNonNull(body, "'body' must not be null");
        Objects.requireNonNull(location, "'location' must not be null");
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("'status' must be an HTTP status");
        }
    }
}
