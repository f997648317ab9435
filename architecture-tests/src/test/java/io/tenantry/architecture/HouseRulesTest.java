package io.tenantry.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import com.tngtech.archunit.lang.EvaluationResult;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs every rule of the house over the production classes; the build fails on any violation. */
class HouseRulesTest {

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter().withImportOption(new ProductionCode()).importPackages("io.tenantry");
    }

    @Test
    void productionClassesFollowEveryRuleOfTheHouse() {
        HouseRules.ALL.check(production);
    }

    @Test
    void oneEntryPointReportsEveryViolationTogether() {
        JavaClasses withFixtures = new ClassFileImporter()
                .withImportOption(location -> !location.contains("-tests.jar")
                        && (!location.contains("/test-classes/") || location.contains("/fixture/")))
                .importPackages("io.tenantry");
        EvaluationResult result = HouseRules.ALL.evaluate(withFixtures);
        String report = String.join("\n", result.getFailureReport().getDetails());
        for (String expected : new String[] {
                "KernelUsingAFramework", "DomainUsingAFramework", "ApplicationUsingJdbi", "WebReachingIntoPersistence",
                "WebUsingWeld", "UnscopedOrderDao", "UnfilteredOrderDao.find(java.util.UUID) runs SQL without ':tenantId'",
                "UnjustifiedBypassDao.all() is @BypassRls with a blank justification",
                "TenantParameterDao.count(io.tenantry.kernel.context.TenantId) takes the tenant as parameter 0",
                "HandlerCallingBypassMethod.handle calls @BypassRls", "EntersBypassScopeDirectly", "OpensBypassRole",
                "SingletonTierProducer.storage", "StrayThreadLocal", "OwnScopedValue", "DecodesWithoutVerifying",
                "ForgesIdentity", "RawRedisMap"}) {
            assertTrue(report.contains(expected), () -> "missing '" + expected + "' in:\n" + report);
        }
        assertFalse(report.contains("GoodOrderDao"), report);
        assertFalse(report.contains("AuditedCaller"), report);
        assertFalse(report.contains("RedisCacheAdapter"), report);
    }

    @Test
    void theImportSeesTheProductionModulesButNoTestCode() {
        assertTrue(production.containPackage("io.tenantry.kernel.context"));
        assertTrue(production.containPackage("io.tenantry.domain.order"));
        assertTrue(production.stream().noneMatch(c -> c.getPackageName().contains("fixture")));
        assertTrue(production.stream().noneMatch(c -> c.getSimpleName().endsWith("Test")));
        assertTrue(production.stream().noneMatch(c -> c.getPackageName().equals("io.tenantry.kernel.testing")));
    }
}
