package io.tenantry.architecture.sql;

import java.util.Locale;

/** PostgreSQL folds unquoted names to lower case and keeps quoted ones as written; the house rules do the same. */
final class Identifiers {

    private Identifiers() {
    }

    static String normalized(String identifier) {
        boolean quoted = identifier.length() > 1 && identifier.startsWith("\"") && identifier.endsWith("\"");
        return quoted ? identifier.substring(1, identifier.length() - 1) : identifier.toLowerCase(Locale.ROOT);
    }
}
