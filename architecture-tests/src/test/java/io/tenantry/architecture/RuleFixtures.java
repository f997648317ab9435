package io.tenantry.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Helpers that prove a rule both fails on its bad fixture and passes on its good one. */
final class RuleFixtures {

    /** The schema Tenantry's migrations build, read once per test JVM. */
    private static HouseRulesCheck.Schema schema;

    private RuleFixtures() {
    }

    static synchronized HouseRulesCheck.Schema schema() {
        if (schema == null) {
            schema = HouseRulesCheck.Schema.migrated(java.util.List.of());
        }
        return schema;
    }

    /** The SQL rules over the migrated schema, with Tenantry's exemptions and {@code more}. */
    static SqlRules sqlRules(RawSqlExemption... more) {
        java.util.List<RawSqlExemption> exemptions = new java.util.ArrayList<>(HouseRulesCheck.TENANTRY_INFRASTRUCTURE);
        exemptions.addAll(java.util.List.of(more));
        return new SqlRules(schema().tables(), exemptions);
    }

    static JavaClasses importOnly(Class<?>... classes) {
        return new ClassFileImporter().importClasses(classes);
    }

    /** Asserts {@code rule} reports a violation on {@code bad} whose text contains each of {@code expected}. */
    static void assertFails(ArchRule rule, JavaClasses bad, String... expected) {
        EvaluationResult result = rule.evaluate(bad);
        assertTrue(result.hasViolation(), () -> "rule should fail on its bad fixture: " + rule.getDescription());
        String report = result.getFailureReport().toString();
        for (String text : expected) {
            assertTrue(report.contains(text), () -> "expected '" + text + "' in:\n" + report);
        }
    }

    /** Asserts {@code rule} passes on {@code good}. */
    static void assertPasses(ArchRule rule, JavaClasses good) {
        EvaluationResult result = rule.evaluate(good);
        assertFalse(result.hasViolation(), () -> "rule should pass on its good fixture:\n" + result.getFailureReport());
    }
}
