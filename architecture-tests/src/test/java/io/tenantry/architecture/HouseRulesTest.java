package io.tenantry.architecture;

import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs every rule of the house over the production classes and the migrated schema; the build fails on any. */
class HouseRulesTest {

    private static HouseRulesCheck tenantry;

    @BeforeAll
    static void checkTenantry() {
        tenantry = HouseRulesCheck.forPackages().build();
    }

    @Test
    void productionClassesAndTheSchemaFollowEveryRuleOfTheHouse() {
        tenantry.verify();
    }

    @Test
    void oneEntryPointReportsEveryViolationTogether() {
        HouseRulesCheck withFixtures = HouseRulesCheck.forPackages().withRuleFixtures().build();
        EvaluationResult result = withFixtures.rules().evaluate(withFixtures.classes());
        String report = String.join("\n", result.getFailureReport().getDetails());
        for (String expected : new String[] {
                "KernelUsingAFramework", "DomainUsingAFramework", "ApplicationUsingJdbi", "WebReachingIntoPersistence",
                "WebUsingWeld", "WebCallingAService", "UnscopedOrderDao",
                "UnfilteredOrderDao.find(java.util.UUID): orders is not constrained by orders.tenant_id = :tenantId",
                "ParsedSqlDao.underOr(): orders is not constrained", "LocatedOrderDao.find(java.util.UUID): orders",
                "FluentApiRepository.customers() runs SQL through Jdbi.withHandle",
                "PlainJdbcRepository.count(javax.sql.DataSource) runs SQL through Connection.createStatement",
                "ConcatenatedSqlRepository.delete", "DefinedTableDao.ids(java.lang.String) has SQL assembled at run time",
                "Cycle detected: Slice cyclic.fixture.auth -> ",
                "UnjustifiedBypassDao.all() is @BypassRls with a blank justification",
                "TenantParameterDao.count(io.tenantry.kernel.context.TenantId) takes the tenant as parameter 0",
                "HandlerCallingBypassMethod.handle calls @BypassRls", "EntersBypassScopeDirectly", "OpensBypassRole",
                "SingletonTierProducer.storage", "StrayThreadLocal", "OwnScopedValue", "DecodesWithoutVerifying",
                "ForgesIdentity", "RawRedisMap"}) {
            assertTrue(report.contains(expected), () -> "missing '" + expected + "' in:\n" + report);
        }
        for (String good : new String[] {"GoodOrderDao", "JoinBothSidesDao", "LocatedGoodOrderDao", "AuditedCaller",
                "RedisCacheAdapter", "acyclic"}) {
            assertFalse(report.contains(good), () -> good + " should pass:\n" + report);
        }
    }

    @Test
    void theImportSeesTheProductionModulesButNoTestCode() {
        var production = tenantry.classes();
        assertTrue(production.containPackage("io.tenantry.kernel.context"));
        assertTrue(production.containPackage("io.tenantry.domain.order"));
        assertTrue(production.containPackage("io.tenantry.bootstrap"));
        assertTrue(production.stream().noneMatch(c -> c.getPackageName().contains("fixture")));
        assertTrue(production.stream().noneMatch(c -> c.getSimpleName().endsWith("Test")));
        assertTrue(production.stream().noneMatch(c -> c.getSimpleName().equals("TestDatabase")));
        assertTrue(production.stream().noneMatch(c -> c.getPackageName().equals("io.tenantry.kernel.testing")));
        assertTrue(production.stream().noneMatch(c -> c.getPackageName().startsWith("io.tenantry.example")));
    }
}
