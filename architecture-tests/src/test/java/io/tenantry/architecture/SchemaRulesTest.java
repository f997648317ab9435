package io.tenantry.architecture;

import io.tenantry.architecture.sql.TenantTable;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tenant tables are what the migrations build, read from a scratch PostgreSQL; a migration that leaves one
 * unguarded fails the build with the problem and the remedy. The positive control is the migrated schema itself.
 */
class SchemaRulesTest {

    private static final String PREDICATE = "(tenant_id = NULLIF(current_setting('app.tenant_id'::text, true), ''::text))";

    @Test
    void theTenantTablesComeFromTheSchemaAndItIsSafe() {
        HouseRulesCheck.Schema schema = RuleFixtures.schema();
        assertEquals(List.of(new TenantTable("idempotency_keys", "tenant_id"),
                new TenantTable("order_lines", "tenant_id"), new TenantTable("orders", "tenant_id"),
                new TenantTable("tenants", "id"), new TenantTable("users", "tenant_id")), schema.tables());
        assertEquals(List.of(), schema.problems());
    }

    @Test
    void aNewTenantTableWithoutForcedRowLevelSecurityOrARestrictivePolicyFails() {
        assertEquals(List.of("notes: row-level security is not forced",
                        "notes: no RESTRICTIVE policy for all commands carries the tenant predicate " + PREDICATE
                                + " in USING and WITH CHECK for the application role"),
                problemsOf("classpath:fixtures/schema/unforced"));
    }

    @Test
    void aLaterPermissivePolicyThatWouldWidenEveryTenantsViewFails() {
        assertEquals(List.of("orders: the permissive policy public_rows for the application role does not carry the "
                        + "tenant predicate " + PREDICATE + " in USING and WITH CHECK, and PostgreSQL ORs permissive "
                        + "policies together"),
                problemsOf("classpath:fixtures/schema/widened"));
    }

    @Test
    void privilegesThatRowLevelSecurityDoesNotStopFail() {
        List<String> problems = problemsOf("classpath:fixtures/schema/granted");
        assertEquals(4, problems.size(), problems::toString);
        assertEquals("the application role has BYPASSRLS", problems.getFirst());
        assertTrue(problems.get(1).startsWith("the application role owns 1 relations"), problems::toString);
        assertEquals(List.of("orders: the application role has TRUNCATE on it (row-level security does not stop it)",
                "orders: the application role has REFERENCES on it (row-level security does not stop it)"),
                problems.subList(2, 4));
    }

    @Test
    void viewsOverTenantTablesWithoutInvokerRightsFail() {
        assertEquals(List.of("customers: a materialized view over tenant data; row-level security does not apply to it",
                        "order_sums: a view without security_invoker over tenant data; row-level security does not apply "
                                + "to it"),
                problemsOf("classpath:fixtures/schema/viewed"));
    }

    @Test
    void waysAroundRowLevelSecurityThatNoTableFlagShowsFail() {
        assertEquals(List.of(
                        "public.user_directory: a SECURITY DEFINER function the application role may execute; it runs "
                                + "with its owner's rights, outside row-level security",
                        "reporting.invoices: a table with a tenant_id column outside the application's schema, where "
                                + "these checks do not look; keep tenant tables in one schema",
                        "idempotency_keys.tenant references tenants: name a tenant column tenant_id, so that its table is "
                                + "checked as a tenant table",
                        "app.tenant_id is 'acme' when a session starts (a default on the role, the database or the "
                                + "server); it must be empty until a transaction sets it"),
                problemsOf("classpath:fixtures/schema/around"));
    }

    @Test
    void linksAcrossTenantsPastRowLevelSecurityFail() {
        assertEquals(List.of(
                        "orders: the unique index orders_id_alone leaves out tenant_id; a key shared by all tenants tells "
                                + "one tenant what another holds",
                        "inbox: the rule inbox_touch runs with its owner's rights, outside row-level security; use a "
                                + "trigger or the application instead",
                        "public.use_tenant: a function that calls set_config; only the persistence adapter sets the tenant",
                        "notes: the foreign key notes_category_id_fkey cascades from categories, a table shared by all "
                                + "tenants; a change there reaches every tenant's rows, past row-level security",
                        "notes: the foreign key notes_order to orders leaves out tenant_id; a row could point into another "
                                + "tenant's"),
                problemsOf("classpath:fixtures/schema/linked").stream()
                        .filter(problem -> !problem.startsWith("notes: no RESTRICTIVE")).toList());
    }

    @Test
    void theBuildReportsSchemaProblemsWithTheRemedy() {
        String report = HouseRulesCheck.schemaReport(problemsOf("classpath:fixtures/schema/viewed"));
        assertTrue(report.startsWith("The migrations build a schema that does not isolate tenants:\n  - customers: "),
                report);
        assertTrue(report.contains("views over it WITH (security_invoker = true). See docs/house-rules.md, "
                + "'A new tenant table'"), report);
    }

    private static List<String> problemsOf(String location) {
        return HouseRulesCheck.Schema.migrated(List.of(location)).problems();
    }
}
