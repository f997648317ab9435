package io.tenantry.architecture;

import io.tenantry.adapters.persistence.postgres.PostgresPersistence;
import io.tenantry.adapters.persistence.postgres.TestDatabase;
import io.tenantry.architecture.sql.TenantTable;
import io.tenantry.example.invoices.InvoiceDao;
import io.tenantry.kernel.context.TenantContext;
import io.tenantry.kernel.context.TenantId;
import io.tenantry.kernel.context.TenantIdentity;
import io.tenantry.kernel.context.Tier;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A team building on Tenantry adds a table of its own (test resources' db/example/V100__example_invoices.sql) and
 * a SQL object for it (io.tenantry.example.invoices), and runs the house rules as docs/house-rules.md shows: the
 * careful module passes, its careless twin fails with the remedy, and the example's SQL works under row-level security.
 */
class ExampleTeamModuleTest {

    /** Where the example team's migrations live; in its own jar they would be in db/migration, found without this. */
    private static final String EXAMPLE_MIGRATIONS = "classpath:db/example";

    @Test
    void theTeamsModulePassesEveryRuleAndItsTableIsATenantTable() {
        HouseRulesCheck check = HouseRulesCheck.forPackages("io.tenantry.example").withMigrations(EXAMPLE_MIGRATIONS).build();
        check.verify();
        assertTrue(check.tenantTables().contains(new TenantTable("invoices", "tenant_id")), check.tenantTables()::toString);
        assertTrue(check.classes().contain(InvoiceDao.class), "the team's package is judged");
    }

    @Test
    void aCarelessTeamModuleFailsTheBuildWithTheRemedy() {
        HouseRulesCheck check = HouseRulesCheck.forPackages("io.tenantry.counterexample").withMigrations(EXAMPLE_MIGRATIONS)
                .build();
        String report = assertThrows(AssertionError.class, check::verify).getMessage();
        for (String expected : List.of(
                "CarelessInvoiceDao.amountsOfOrder(java.util.UUID): orders is not constrained by o.tenant_id = :tenantId "
                        + "as a top-level AND condition of its own WHERE or ON",
                "InvoiceTotals.total() runs SQL through Jdbi.withHandle",
                "Put the statement in a @TenantScoped SQL object")) {
            assertTrue(report.contains(expected), () -> "missing '" + expected + "' in:\n" + report);
        }
    }

    @Test
    void theExampleSqlObjectWorksUnderRowLevelSecurity() {
        try (TestDatabase database = TestDatabase.create(2)) {
            database.migrate(List.of(EXAMPLE_MIGRATIONS));
            UUID order = UUID.randomUUID();
            database.execute("INSERT INTO tenants (id, name, tier, status) VALUES ('acme', 'Acme', 'pro', 'active'), "
                            + "('globex', 'Globex', 'pro', 'active')",
                    "INSERT INTO orders (tenant_id, id, customer, status, total_cents, created_at, updated_at) VALUES "
                            + "('acme', '" + order + "', 'c', 'open', 100, now(), now())");
            try (PostgresPersistence persistence = PostgresPersistence.start(database.settings(), Clock.systemUTC(),
                    Duration.ofHours(1))) {
                InvoiceDao invoices = persistence.sqlObject(InvoiceDao.class);
                TenantContext.run(member("acme"), () -> invoices.insert(UUID.randomUUID(), order, 60));
                assertEquals(List.of(60L), TenantContext.call(member("acme"), () -> invoices.amountsOfOrder(order)));
                assertEquals(List.of(), TenantContext.call(member("globex"), () -> invoices.amountsOfOrder(order)),
                        "another tenant sees none of acme's invoices");
                assertThrows(RuntimeException.class, () -> invoices.amountsOfOrder(order),
                        "no tenant in context: the SQL object refuses to run");
            }
        }
    }

    private static TenantIdentity member(String tenant) {
        return new TenantIdentity(TenantId.of(tenant), Tier.PRO, "someone", Set.of("member"));
    }
}
