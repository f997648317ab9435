package io.tenantry.kernel.context;

import java.util.Objects;

/**
 * Marks work that runs across tenants inside the audited bypass. Adapters read it to pick the bypass role;
 * tenant caches refuse to build keys while it is present, so cross-tenant reads never populate them.
 *
 * @param action        what the bypass does, e.g. {@code admin.orders.list}
 * @param justification why it may cross tenants
 */
public record BypassScope(String action, String justification) {

    public BypassScope {
        Objects.requireNonNull(action, "'action' must not be null");
        Objects.requireNonNull(justification, "'justification' must not be null");
        if (action.isBlank() || justification.isBlank()) {
            throw new IllegalArgumentException("a bypass needs a non-blank 'action' and 'justification'");
        }
    }
}
