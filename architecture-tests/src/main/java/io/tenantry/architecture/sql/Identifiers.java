package io.tenantry.architecture.sql;

import java.util.Locale;

/** PostgreSQL folds unquoted names to lower case; the house rules compare names the same way, quoted or not. */
final class Identifiers {

    private Identifiers() {
    }

    static String normalized(String identifier) {
        String unquoted = identifier.length() > 1 && identifier.startsWith("\"") && identifier.endsWith("\"")
                ? identifier.substring(1, identifier.length() - 1)
                : identifier;
        return unquoted.toLowerCase(Locale.ROOT);
    }
}
