package io.tenantry.kernel.policy;

import java.util.Locale;
import java.util.Optional;

/** The kinds of statement a policy rule can name. */
public enum Operation {
    SELECT, INSERT, UPDATE, DELETE;

    /**
     * The operation a SQL statement performs, read from its first keyword; a {@code WITH} statement is judged
     * by the data-modifying keyword it contains, if any.
     */
    public static Optional<Operation> ofSql(String sql) {
        String normalized = sql.strip().toUpperCase(Locale.ROOT);
        if (normalized.startsWith("WITH")) {
            for (Operation candidate : new Operation[] {DELETE, UPDATE, INSERT}) {
                if (normalized.matches("(?s).*\\b" + candidate.name() + "\\b.*")) {
                    return Optional.of(candidate);
                }
            }
            return Optional.of(SELECT);
        }
        for (Operation candidate : values()) {
            if (normalized.startsWith(candidate.name())) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
