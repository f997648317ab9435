package io.tenantry.architecture.sql;

import java.util.Objects;

/**
 * A table whose rows belong to one tenant, and the column that names the tenant ({@code tenant_id}, or {@code id}
 * for the tenant registry {@code tenants}).
 */
public record TenantTable(String name, String tenantColumn) {

    public TenantTable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tenantColumn, "tenantColumn");
    }
}
