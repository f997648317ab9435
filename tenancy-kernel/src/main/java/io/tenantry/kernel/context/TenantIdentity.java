package io.tenantry.kernel.context;

import java.util.Objects;
import java.util.Set;

/**
 * Who is acting and for which tenant: built from a verified token, never from a request header.
 *
 * @param tenant  the home tenant of the subject
 * @param tier    the tenant's tier at the time the identity was established
 * @param subject the user id ({@code sub} claim)
 * @param roles   role names such as {@code member}, {@code owner}, {@code admin}
 */
public record TenantIdentity(TenantId tenant, Tier tier, String subject, Set<String> roles) {

    public static final String MEMBER = "member";
    public static final String OWNER = "owner";
    public static final String ADMIN = "admin";

    public TenantIdentity {
        Objects.requireNonNull(tenant, "'tenant' must not be null");
        Objects.requireNonNull(tier, "'tier' must not be null");
        Objects.requireNonNull(subject, "'subject' must not be null");
        if (subject.isBlank()) {
            throw new IllegalArgumentException("'subject' must not be blank");
        }
        roles = Set.copyOf(Objects.requireNonNull(roles, "'roles' must not be null"));
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(Set<String> candidates) {
        for (String candidate : candidates) {
            if (roles.contains(candidate)) {
                return true;
            }
        }
        return false;
    }
}
