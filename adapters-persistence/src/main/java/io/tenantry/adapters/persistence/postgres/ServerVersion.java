package io.tenantry.adapters.persistence.postgres;

import java.util.Map;
import java.util.Optional;

/**
 * A PostgreSQL server's version ({@code server_version_num}) and whether it has the fixes of the known
 * row-level-security vulnerabilities: CVE-2024-10976 (a policy stops applying to a query reused after a role
 * change; fixed in 17.1, 16.5, 15.9, 14.14, 13.17) and CVE-2025-8713 (optimizer statistics leak rows a policy
 * hides; fixed in 17.6, 16.10, 15.14, 14.19, 13.22). Majors before 13 are past their end of life and unfixed.
 */
record ServerVersion(int number) {

    /** The first minor of each major with both fixes; 18 and later shipped with them. */
    private static final Map<Integer, Integer> FIXED_FROM = Map.of(17, 6, 16, 10, 15, 14, 14, 19, 13, 22);

    int major() {
        return number / 10_000;
    }

    int minor() {
        return number % 10_000;
    }

    /** Why this server cannot be trusted with row-level security, or empty when it has every fix. */
    Optional<String> missingRlsFixes() {
        if (major() >= 18) {
            return Optional.empty();
        }
        Integer fixed = FIXED_FROM.get(major());
        if (fixed == null) {
            return Optional.of("PostgreSQL " + this + " is past its end of life and lacks the fixes of CVE-2024-10976"
                    + " and CVE-2025-8713 (row-level security); use 13.22, 14.19, 15.14, 16.10, 17.6 or later");
        }
        if (minor() < fixed) {
            return Optional.of("PostgreSQL " + this + " lacks the fixes of CVE-2024-10976 and CVE-2025-8713"
                    + " (row-level security); upgrade to " + major() + "." + fixed + " or later");
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return major() + "." + minor();
    }
}
