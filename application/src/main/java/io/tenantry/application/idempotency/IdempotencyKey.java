package io.tenantry.application.idempotency;

import java.util.Objects;
import java.util.regex.Pattern;

/** A client's idempotency key: 1..255 visible ASCII characters. */
public record IdempotencyKey(String value) {

    private static final Pattern VISIBLE_ASCII = Pattern.compile("[\\x21-\\x7e]{1,255}");

    public IdempotencyKey {
        Objects.requireNonNull(value, "'Idempotency-Key' must not be null");
        if (!VISIBLE_ASCII.matcher(value).matches()) {
            throw new IllegalArgumentException("'Idempotency-Key' must be 1..255 visible ASCII characters");
        }
    }
}
