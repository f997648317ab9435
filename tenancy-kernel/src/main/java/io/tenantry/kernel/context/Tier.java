package io.tenantry.kernel.context;

import java.util.Locale;
import java.util.Optional;

/** The commercial tier of a tenant; it picks rate-limit budgets and which providers a tenant gets. */
public enum Tier {
    FREE, PRO, ENTERPRISE;

    /** The lower-case name used in tokens, configuration and headers. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name strictly: exact lower case, no default for unknown values. */
    public static Optional<Tier> fromWireName(String candidate) {
        for (Tier tier : values()) {
            if (tier.wireName().equals(candidate)) {
                return Optional.of(tier);
            }
        }
        return Optional.empty();
    }
}
