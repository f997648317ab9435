package io.tenantry.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCodeUnitAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.tenantry.architecture.sql.TenantPredicateCheck;
import io.tenantry.architecture.sql.TenantTable;
import io.tenantry.kernel.policy.BypassRls;
import io.tenantry.kernel.policy.TenantScoped;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

/**
 * The rules on SQL, which need to know the schema (which tables are tenant tables) and the few infrastructure
 * classes allowed to run SQL outside SQL objects. Every statement is parsed as PostgreSQL by
 * {@link TenantPredicateCheck}; nothing is matched as text.
 */
public final class SqlRules {

    /** The calls that run SQL without a SQL object, by the type that declares them. */
    private static final Map<Class<?>, Set<String>> RAW_SQL_CALLS = Map.ofEntries(
            Map.entry(org.jdbi.v3.core.Handle.class, Set.of("createQuery", "createUpdate", "createScript",
                    "createCall", "createBatch", "prepareBatch", "select", "execute", "getConnection", "queryMetadata")),
            Map.entry(org.jdbi.v3.core.Jdbi.class, Set.of("withHandle", "useHandle", "open", "create",
                    "setTemplateEngine", "setSqlParser")),
            Map.entry(java.sql.Connection.class, Set.of("prepareStatement", "createStatement", "prepareCall", "nativeSQL")),
            Map.entry(java.sql.Statement.class, Set.of("execute", "executeQuery", "executeUpdate",
                    "executeLargeUpdate", "addBatch", "executeBatch", "executeLargeBatch")),
            Map.entry(org.postgresql.copy.CopyManager.class, Set.of("copyIn", "copyOut")),
            Map.entry(javax.sql.RowSet.class, Set.of("setCommand", "execute")),
            Map.entry(javax.sql.DataSource.class, Set.of("getConnection")),
            Map.entry(java.sql.DriverManager.class, Set.of("getConnection")),
            Map.entry(org.postgresql.core.BaseConnection.class, Set.of("execSQLQuery", "execSQLUpdate")),
            Map.entry(org.jdbi.v3.core.statement.SqlStatements.class, Set.of("setTemplateEngine", "setSqlParser")),
            Map.entry(io.tenantry.adapters.persistence.jdbi.TenantJdbi.class, Set.of("create")),
            Map.entry(com.zaxxer.hikari.HikariConfig.class, Set.of("setConnectionInitSql")));

    /** Types whose construction runs or prepares SQL of the constructor's choosing. */
    private static final Set<Class<?>> RAW_SQL_TYPES = Set.of(org.jdbi.v3.core.statement.Query.class,
            org.jdbi.v3.core.statement.Update.class, org.jdbi.v3.core.statement.Script.class,
            org.jdbi.v3.core.statement.Call.class, org.jdbi.v3.core.statement.PreparedBatch.class,
            org.jdbi.v3.core.statement.Batch.class, org.postgresql.copy.CopyManager.class);

    /** How the parser's refusal begins: an audited bypass must parse too, or nothing about it could be checked. */
    private static final String UNPARSABLE = "cannot be parsed as PostgreSQL (";

    private final TenantPredicateCheck check;
    private final List<RawSqlExemption> exemptions;

    public SqlRules(List<TenantTable> tenantTables, List<RawSqlExemption> exemptions) {
        this.check = new TenantPredicateCheck(tenantTables, TenantScoped.BINDING);
        this.exemptions = List.copyOf(exemptions);
    }

    /** A SQL object that reads or writes a tenant table is bound to the current tenant. */
    public ArchRule sqlObjectsOnTenantTablesAreTenantScoped() {
        return classes()
                .that(DescribedPredicate.describe("run SQL on a tenant table", type -> type.getMethods().stream()
                        .anyMatch(method -> SqlMethods.checkedSqlOf(method)
                                .map(sql -> !check.tenantTablesReferenced(sql).isEmpty()).orElse(false))))
                .should().beAnnotatedWith(TenantScoped.class)
                .because("a SQL object that reads or writes a tenant table must be bound to the current tenant. "
                        + "Annotate it @TenantScoped and @BindCurrentTenant so :tenantId is bound from the context");
    }

    /**
     * Every statement constrains every tenant table it names by the current tenant, as a top-level AND condition of
     * its own WHERE or ON, and every insert writes the current tenant; an audited bypass need only parse.
     */
    public ArchRule sqlConstrainsEveryTenantTable() {
        return methods().that(SqlMethods.ARE_SQL_METHODS)
                .should(new ArchCondition<>("constrain every tenant table by the current tenant, or be an audited @BypassRls") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        String sql = SqlMethods.checkedSqlOf(method).orElseThrow();
                        boolean bypass = method.isAnnotatedWith(BypassRls.class);
                        for (String problem : check.problems(sql)) {
                            if (!bypass || problem.startsWith(UNPARSABLE)) {
                                events.add(SimpleConditionEvent.violated(method, method.getFullName() + ": " + problem
                                        + " in: " + oneLine(sql)));
                            }
                        }
                    }
                })
                .because("every statement must be constrained to the caller's tenant by the application as well as by "
                        + "row-level security. Add 'tenant_id = :tenantId' (for the tenant registry, 'id = :tenantId') "
                        + "as an AND condition of the WHERE or ON that introduces each tenant table, and write "
                        + ":tenantId into tenant_id on insert; for a cross-tenant read, annotate the method "
                        + "@BypassRls(justification = \"why\") and call it only through Bypass");
    }

    /** SQL runs through SQL objects; only the listed infrastructure classes call Jdbi's fluent API or JDBC. */
    public ArchRule sqlRunsOnlyThroughSqlObjects() {
        return classes().that(DescribedPredicate.describe("are not exempt infrastructure",
                        (JavaClass type) -> exemptions.stream().noneMatch(exemption -> exemption.covers(type))))
                .should(new ArchCondition<>("run SQL only through SQL objects") {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        for (JavaCodeUnitAccess<?> access : type.getCodeUnitAccessesFromSelf()) {
                            rawSqlApi(access).ifPresent(api -> events.add(SimpleConditionEvent.violated(type,
                                    access.getOrigin().getFullName() + " runs SQL through " + api + " "
                                            + access.getSourceCodeLocation())));
                        }
                    }
                })
                .because("SQL outside a SQL object is invisible to the tenant rules, and SQL built or rewritten at run "
                        + "time (a connection of one's own, a Jdbi with its own template engine) cannot be checked at all. Put the statement in a @TenantScoped SQL object (an interface with "
                        + "@SqlQuery/@SqlUpdate); infrastructure that must run its own SQL (migrations, the self-check, "
                        + "health) is listed, with its reason, as a RawSqlExemption of the house rules");
    }

    /** A SQL object's statement is the text the rules read: never assembled at run time. */
    public ArchRule sqlIsWrittenWhereTheRulesCanReadIt() {
        return methods().that(SqlMethods.ARE_SQL_METHODS)
                .should(new ArchCondition<>("have SQL the house rules can read") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        List<String> dynamic = SqlMethods.runTimeSqlAnnotations(method);
                        if (!dynamic.isEmpty()) {
                            events.add(SimpleConditionEvent.violated(method, method.getFullName()
                                    + " has SQL assembled at run time by " + String.join(", ", dynamic)));
                        }
                    }
                })
                .because("SQL assembled at run time cannot be checked for its tenant condition. Write the whole "
                        + "statement in the annotation, or in a .sql file read with @UseClasspathSqlLocator, and bind "
                        + "values as :parameters");
    }

    /** A call, a method reference or a constructor of the raw SQL APIs: {@code Handle::createQuery} counts too. */
    private static java.util.Optional<String> rawSqlApi(JavaCodeUnitAccess<?> access) {
        JavaClass owner = access.getTargetOwner();
        if (access.getName().equals("<init>")) {
            return RAW_SQL_TYPES.stream().filter(owner::isAssignableTo).map(type -> "new " + type.getSimpleName())
                    .findFirst();
        }
        return RAW_SQL_CALLS.entrySet().stream()
                .filter(entry -> owner.isAssignableTo(entry.getKey()) && entry.getValue().contains(access.getName()))
                .map(entry -> entry.getKey().getSimpleName() + "." + access.getName())
                .findFirst();
    }

    private static String oneLine(String sql) {
        return sql.replaceAll("\\s+", " ").strip();
    }
}
