package io.tenantry.application.tenant;

import java.util.Locale;
import java.util.Optional;

/** Whether a tenant may use the service. A suspended tenant's tokens are refused at once (403). */
public enum TenantStatus {
    ACTIVE, SUSPENDED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TenantStatus> fromWireName(String candidate) {
        for (TenantStatus status : values()) {
            if (status.wireName().equals(candidate)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
