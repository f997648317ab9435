package io.tenantry.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
    void theImportSeesTheProductionModulesButNoTestCode() {
        assertTrue(production.containPackage("io.tenantry.kernel.context"));
        assertTrue(production.containPackage("io.tenantry.domain.order"));
        assertTrue(production.stream().noneMatch(c -> c.getPackageName().contains("fixture")));
        assertTrue(production.stream().noneMatch(c -> c.getSimpleName().endsWith("Test")));
        assertTrue(production.stream().noneMatch(c -> c.getPackageName().equals("io.tenantry.kernel.testing")));
    }
}
