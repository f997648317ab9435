package io.tenantry.domain.user;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An e-mail address, lower-cased so that uniqueness per tenant does not depend on how it was typed. The check
 * is deliberately simple (one {@code @}, a dot in the domain, no spaces): deliverability is not decided here.
 */
public record Email(String value) {

    private static final Pattern SHAPE = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
    public static final int MAX_LENGTH = 254;

    public Email {
        Objects.requireNonNull(value, "'email' must not be null");
        value = value.strip().toLowerCase(Locale.ROOT);
        if (value.length() > MAX_LENGTH || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("'email' must be an address like name@example.com");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
