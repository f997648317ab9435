package io.tenantry.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import io.tenantry.adapters.persistence.postgres.DatabaseProbe;
import io.tenantry.adapters.persistence.postgres.DedicatedDatabases;
import io.tenantry.adapters.persistence.postgres.EmbeddedDatabase;
import io.tenantry.adapters.persistence.postgres.RlsSelfCheck;
import io.tenantry.adapters.persistence.postgres.SchemaMigrator;
import io.tenantry.adapters.persistence.postgres.TenantSchema;
import io.tenantry.adapters.persistence.postgres.TestDatabase;
import io.tenantry.architecture.sql.TenantTable;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The house rules as one check a team runs in its own build: Tenantry's production classes and the team's packages,
 * judged together against the schema the migrations build. The tenant tables are read from a scratch PostgreSQL
 * (the server of {@code TENANTRY_TEST_PG_URL}, or an embedded one) after Tenantry's migrations, every
 * {@code db/migration} folder on the classpath and the team's own locations have run on it; the same catalog
 * checks refuse an unsafe schema at startup.
 *
 * <pre>{@code
 * HouseRulesCheck.forPackages("com.acme.invoices")
 *         .allowingRawSqlIn(InvoiceImport.class, "bulk-loads the nightly CSV with COPY")
 *         .build()
 *         .verify();
 * }</pre>
 */
public final class HouseRulesCheck {

    /** Tenantry's own infrastructure that runs SQL outside SQL objects, each with its reason. */
    static final List<RawSqlExemption> TENANTRY_INFRASTRUCTURE = List.of(
            new RawSqlExemption(SchemaMigrator.class, "creates the database roles and runs the migrations"),
            new RawSqlExemption(RlsSelfCheck.class, "reads the catalog to refuse an unsafe database at startup"),
            new RawSqlExemption(TenantSchema.class, "reads the catalog for the tables that hold tenants' rows"),
            new RawSqlExemption(DatabaseProbe.class, "asks SELECT 1 for the health check and the breaker's probe"),
            new RawSqlExemption(EmbeddedDatabase.class, "creates the demo database on the embedded server"),
            new RawSqlExemption(DedicatedDatabases.class, "provisions a tenant's own database as its owner"),
            new RawSqlExemption(io.tenantry.adapters.persistence.jdbi.TenantJdbi.class,
                    "builds the Jdbi whose template engine binds the tenant to every statement"),
            new RawSqlExemption(io.tenantry.adapters.persistence.postgres.PostgresPersistence.class,
                    "builds the application and bypass Jdbis over their pools"),
            new RawSqlExemption(io.tenantry.adapters.persistence.postgres.GuardedDataSource.class,
                    "hands the pool's connections to Jdbi behind the database breaker"));

    private static final String TENANTRY = "io.tenantry";
    /** The rules themselves are not judged: they name what they forbid. */
    private static final String RULES_FOLDER = "/io/tenantry/architecture/";

    private final JavaClasses classes;
    private final List<String> roots;
    private final List<TenantTable> tenantTables;
    private final List<String> schemaProblems;
    private final SqlRules sqlRules;

    private HouseRulesCheck(JavaClasses classes, List<String> roots, Schema schema, List<RawSqlExemption> exemptions) {
        this.classes = classes;
        this.roots = roots;
        this.tenantTables = schema.tables();
        this.schemaProblems = schema.problems();
        this.sqlRules = new SqlRules(tenantTables, exemptions);
    }

    /** The check of Tenantry's own production code and the team's {@code packages}. */
    public static Builder forPackages(String... packages) {
        return new Builder(List.of(packages));
    }

    /** Every class rule, checked together so one run reports every violation. */
    public ArchRule rules() {
        return CompositeArchRule.of(ruleList()).as("the rules of the house");
    }

    private List<ArchRule> ruleList() {
        List<ArchRule> rules = new ArrayList<>(HouseRules.LAYER_RULES);
        rules.addAll(HouseRules.TENANCY_RULES);
        rules.addAll(List.of(sqlRules.sqlObjectsOnTenantTablesAreTenantScoped(), sqlRules.sqlConstrainsEveryTenantTable(),
                sqlRules.sqlRunsOnlyThroughSqlObjects(), sqlRules.sqlIsWrittenWhereTheRulesCanReadIt()));
        roots.forEach(root -> rules.add(packagesAreFreeOfCycles(root)));
        return rules;
    }

    /** The classes judged: Tenantry's production classes and the team's packages. */
    public JavaClasses classes() {
        return classes;
    }

    /** The tenant tables the migrations built, as the catalog says. */
    public List<TenantTable> tenantTables() {
        return tenantTables;
    }

    /** What the catalog checks found wrong with the schema the migrations built; empty when it is safe. */
    public List<String> schemaProblems() {
        return schemaProblems;
    }

    /**
     * Fails with every violation of the class rules and of the schema at once, each rule's report with its reason
     * and remedy.
     */
    public void verify() {
        List<String> failures = new ArrayList<>();
        for (ArchRule rule : ruleList()) {
            var result = rule.evaluate(classes);
            if (result.hasViolation()) {
                failures.add(result.getFailureReport().toString());
            }
        }
        if (!schemaProblems.isEmpty()) {
            failures.add(schemaReport(schemaProblems));
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(String.join("\n\n", failures));
        }
    }

    /** The schema's problems as the build reports them, with the remedy. */
    static String schemaReport(List<String> problems) {
        return "The migrations build a schema that does not isolate tenants:\n  - " + String.join("\n  - ", problems)
                + "\nA tenant table (one with a tenant_id column) needs ENABLE and FORCE ROW LEVEL SECURITY, a RESTRICTIVE "
                + "policy for the application role with USING and WITH CHECK (tenant_id = NULLIF(current_setting("
                + "'app.tenant_id', true), '')), a permissive policy with the same predicate beside it, no TRUNCATE, "
                + "REFERENCES or TRIGGER grant, and views over it WITH (security_invoker = true). See "
                + "docs/house-rules.md, 'A new tenant table'";
    }

    /** No two packages under {@code root} depend on each other both ways. */
    static ArchRule packagesAreFreeOfCycles(String root) {
        return slices().matching(root + ".(**)").should().beFreeOfCycles()
                .because("packages that depend on each other both ways cannot be understood, tested or moved apart. "
                        + "Move what both need into one of them, or into a package of its own");
    }

    /** The schema as the catalog describes it after the migrations. */
    record Schema(List<TenantTable> tables, List<String> problems) {

        static Schema migrated(List<String> moreLocations) {
            try (TestDatabase database = TestDatabase.create(1)) {
                database.migrate(moreLocations);
                try (Connection application = database.asApplication()) {
                    List<TenantTable> tables = TenantSchema.read(application).stream()
                            .map(table -> new TenantTable(table.name(), table.tenantColumn())).toList();
                    return new Schema(tables, RlsSelfCheck.schemaProblems(application,
                            database.settings().bypass().user()));
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not read the migrated schema: " + e.getMessage(), e);
            }
        }
    }

    /** What a check judges and with which exemptions. */
    public static final class Builder {

        private final List<String> packages;
        private final List<String> migrations = new ArrayList<>();
        private final List<RawSqlExemption> exemptions = new ArrayList<>(TENANTRY_INFRASTRUCTURE);
        private boolean withFixtures;

        private Builder(List<String> packages) {
            this.packages = packages;
        }

        /** Flyway locations of the team's migrations besides the {@code db/migration} folders on the classpath. */
        public Builder withMigrations(String... locations) {
            migrations.addAll(List.of(locations));
            return this;
        }

        /** Lets {@code type} run SQL outside SQL objects, for {@code reason}. */
        public Builder allowingRawSqlIn(Class<?> type, String reason) {
            exemptions.add(new RawSqlExemption(type, reason));
            return this;
        }

        /** Also imports the rules' own bad fixtures, to prove that one run reports every violation. */
        Builder withRuleFixtures() {
            withFixtures = true;
            return this;
        }

        public HouseRulesCheck build() {
            ProductionCode production = new ProductionCode();
            List<String> teamFolders = packages.stream().map(root -> "/" + root.replace('.', '/') + "/").toList();
            ImportOption judged = location -> !location.contains(RULES_FOLDER)
                    && (withFixtures ? !location.contains("-tests.jar")
                            && (!location.contains("/test-classes/") || location.contains("/fixture/"))
                    : production.includes(location) || teamFolders.stream().anyMatch(location::contains));
            JavaClasses classes = new ClassFileImporter().withImportOption(judged)
                    .importPackages(Stream.concat(Stream.of(TENANTRY), packages.stream()).toList());
            List<String> roots = Stream.concat(Stream.of(TENANTRY), packages.stream()).distinct().toList();
            return new HouseRulesCheck(classes, roots, Schema.migrated(migrations), exemptions);
        }
    }
}
