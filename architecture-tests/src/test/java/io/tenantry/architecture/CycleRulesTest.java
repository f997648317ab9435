package io.tenantry.architecture;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import static io.tenantry.architecture.RuleFixtures.assertFails;
import static io.tenantry.architecture.RuleFixtures.assertPasses;

/** Packages never depend on each other both ways. */
class CycleRulesTest {

    @Test
    void twoPackagesThatUseEachOtherFailTheBuild() {
        assertFails(HouseRulesCheck.packagesAreFreeOfCycles("io.tenantry.cyclic"),
                new ClassFileImporter().importPackages("io.tenantry.cyclic"),
                "Cycle detected: Slice fixture.auth -> ", "Slice fixture.http -> ",
                "Move what both need into one of them, or into a package of its own");
        assertPasses(HouseRulesCheck.packagesAreFreeOfCycles("io.tenantry.acyclic"),
                new ClassFileImporter().importPackages("io.tenantry.acyclic"));
    }
}
