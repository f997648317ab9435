package io.tenantry.kernel.context;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The slug that names a tenant everywhere: in tokens, SQL settings, cache keys and storage paths.
 *
 * <p>The pattern is deliberately narrow (lower-case letters, digits and dashes) so that a tenant id can be
 * embedded in a key, a path or a SQL setting without escaping, and cannot smuggle a separator into any of them.
 */
public record TenantId(String value) {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

    public TenantId {
        Objects.requireNonNull(value, "'tenantId' must not be null");
        if (!SLUG.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "'tenantId' must match [a-z0-9][a-z0-9-]{1,62}, was '" + printable(value) + "'");
        }
    }

    public static TenantId of(String value) {
        return new TenantId(value);
    }

    /** Whether {@code candidate} would make a valid tenant id, for callers that answer bad input without throwing. */
    public static boolean isValid(String candidate) {
        return candidate != null && SLUG.matcher(candidate).matches();
    }

    private static String printable(String value) {
        String shortened = value.length() > 70 ? value.substring(0, 70) + "..." : value;
        return shortened.replaceAll("\\p{Cntrl}", "?");
    }

    @Override
    public String toString() {
        return value;
    }
}
