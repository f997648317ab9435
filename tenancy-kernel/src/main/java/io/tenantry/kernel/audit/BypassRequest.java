package io.tenantry.kernel.audit;

import java.util.Objects;

/**
 * What a caller asks the {@link Bypass} to do across tenants.
 *
 * @param action        a stable name for the operation, e.g. {@code admin.orders.list}
 * @param targetScope   whose data it reaches, e.g. {@code all-tenants}
 * @param justification why it may cross tenants; must not be blank
 * @param details       what it sets, recorded with the event (e.g. {@code tier=enterprise}); may be empty
 */
public record BypassRequest(String action, String targetScope, String justification, String details) {

    /** A request that sets nothing worth recording beside its action. */
    public BypassRequest(String action, String targetScope, String justification) {
        this(action, targetScope, justification, "");
    }

    public BypassRequest {
        Objects.requireNonNull(action, "'action' must not be null");
        Objects.requireNonNull(targetScope, "'targetScope' must not be null");
        Objects.requireNonNull(justification, "'justification' must not be null");
        Objects.requireNonNull(details, "'details' must not be null");
        if (action.isBlank() || targetScope.isBlank() || justification.isBlank()) {
            throw new IllegalArgumentException("a bypass needs a non-blank 'action', 'targetScope' and 'justification'");
        }
    }
}
