package io.tenantry.adapters.persistence.postgres;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tenant tables come from the catalog; a policy carries the predicate only as a top-level AND conjunct. */
class TenantSchemaTest {

    private static final String PREDICATE = new TenantSchema.Table("orders", "tenant_id").predicate();

    @Test
    void thePredicateCountsAloneOrAsAnOperandOfTheTopLevelAnd() {
        assertTrue(TenantSchema.carries(PREDICATE, PREDICATE));
        assertTrue(TenantSchema.carries("(" + PREDICATE + " AND (pub OR (s = 'x'::text)))", PREDICATE));
        assertTrue(TenantSchema.carries("(pub AND " + PREDICATE + " AND (s = 'y'::text))", PREDICATE));
    }

    @Test
    void thePredicateUnderOrOrNotOrInAStringDoesNotCount() {
        assertFalse(TenantSchema.carries("(" + PREDICATE + " OR pub)", PREDICATE));
        assertFalse(TenantSchema.carries("((" + PREDICATE + " AND pub) OR pub)", PREDICATE));
        assertFalse(TenantSchema.carries("(NOT " + PREDICATE + ")", PREDICATE));
        assertFalse(TenantSchema.carries("(s = '" + PREDICATE.replace("'", "''") + "'::text)", PREDICATE));
        assertFalse(TenantSchema.carries("true", PREDICATE));
        assertFalse(TenantSchema.carries(null, PREDICATE));
        assertFalse(TenantSchema.carries(new TenantSchema.Table("tenants", "id").predicate(), PREDICATE),
                "another column's predicate is not this table's");
    }

    @Test
    void theTenantTablesAreTheTablesWithATenantColumnAndTheRegistryTheyReference() throws SQLException {
        try (TestDatabase database = TestDatabase.migrated(1)) {
            database.execute("CREATE TABLE notes (tenant_id text NOT NULL REFERENCES tenants (id), body text)",
                    "CREATE TABLE settings (name text PRIMARY KEY)");
            try (Connection owner = database.asOwner()) {
                assertEquals(List.of(new TenantSchema.Table("idempotency_keys", "tenant_id"),
                        new TenantSchema.Table("notes", "tenant_id"), new TenantSchema.Table("order_lines", "tenant_id"),
                        new TenantSchema.Table("orders", "tenant_id"), new TenantSchema.Table("tenants", "id"),
                        new TenantSchema.Table("users", "tenant_id")), TenantSchema.read(owner));
            }
        }
    }
}
