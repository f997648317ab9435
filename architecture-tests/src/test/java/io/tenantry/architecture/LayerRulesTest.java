package io.tenantry.architecture;

import io.tenantry.domain.fixture.DomainUsingAFramework;
import io.tenantry.domain.fixture.PureDomainClass;
import io.tenantry.kernel.fixture.KernelUsingAFramework;
import io.tenantry.kernel.fixture.PureKernelClass;
import org.junit.jupiter.api.Test;

import static io.tenantry.architecture.RuleFixtures.assertFails;
import static io.tenantry.architecture.RuleFixtures.assertPasses;
import static io.tenantry.architecture.RuleFixtures.importOnly;

/** Each layer rule fails on a class that breaks it and passes on one that keeps it. */
class LayerRulesTest {

    @Test
    void theKernelRuleRejectsAFrameworkImport() {
        assertFails(HouseRules.KERNEL_IS_PURE_JDK, importOnly(KernelUsingAFramework.class),
                "KernelUsingAFramework", "jakarta.inject.Singleton", "keep only a port here");
        assertPasses(HouseRules.KERNEL_IS_PURE_JDK, importOnly(PureKernelClass.class));
    }

    @Test
    void theDomainRuleRejectsAFrameworkImport() {
        assertFails(HouseRules.DOMAIN_IS_PURE_JDK, importOnly(DomainUsingAFramework.class),
                "DomainUsingAFramework", "jakarta.inject.Inject");
        assertPasses(HouseRules.DOMAIN_IS_PURE_JDK, importOnly(PureDomainClass.class));
    }
}
