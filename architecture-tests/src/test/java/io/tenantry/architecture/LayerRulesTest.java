package io.tenantry.architecture;

import io.tenantry.adapters.persistence.memory.InMemoryOrderRepository;
import io.tenantry.adapters.web.fixture.WebCallingAService;
import io.tenantry.adapters.web.fixture.WebCountingRequestsItself;
import io.tenantry.adapters.web.fixture.WebReachingIntoPersistence;
import io.tenantry.adapters.web.fixture.WebUsingAPort;
import io.tenantry.adapters.web.fixture.WebUsingWeld;
import io.tenantry.application.fixture.ApplicationUsingJdbi;
import io.tenantry.application.fixture.AuditedCaller;
import io.tenantry.bootstrap.fixture.BootstrapUsingWeld;
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

    @Test
    void theApplicationRuleRejectsADatabaseLibrary() {
        assertFails(HouseRules.APPLICATION_USES_ONLY_KERNEL_DOMAIN_AND_INJECT, importOnly(ApplicationUsingJdbi.class),
                "ApplicationUsingJdbi", "org.jdbi.v3.core.Jdbi", "Declare an out-port interface");
        assertPasses(HouseRules.APPLICATION_USES_ONLY_KERNEL_DOMAIN_AND_INJECT, importOnly(AuditedCaller.class));
    }

    @Test
    void theWebReachesTheApplicationOnlyThroughInPorts() {
        assertFails(HouseRules.THE_WEB_REACHES_THE_APPLICATION_ONLY_THROUGH_IN_PORTS, importOnly(WebCallingAService.class),
                "WebCallingAService", "io.tenantry.application.order.OrderService",
                "io.tenantry.application.idempotency.IdempotencyStore",
                "Call an in-port (a <Verb><Noun>UseCase interface) with its command and map its outcome");
        assertFails(HouseRules.THE_WEB_REACHES_THE_APPLICATION_ONLY_THROUGH_IN_PORTS,
                importOnly(WebCountingRequestsItself.class), "WebCountingRequestsItself",
                "io.tenantry.kernel.limits.RateLimiter");
        assertPasses(HouseRules.THE_WEB_REACHES_THE_APPLICATION_ONLY_THROUGH_IN_PORTS, importOnly(WebUsingAPort.class,
                io.tenantry.adapters.web.notify.WebhookNotifications.class));
    }

    @Test
    void adaptersMustNotDependOnEachOther() {
        assertFails(HouseRules.ADAPTERS_ARE_INDEPENDENT,
                importOnly(WebReachingIntoPersistence.class, InMemoryOrderRepository.class),
                "WebReachingIntoPersistence", "InMemoryOrderRepository", "Go through an application port");
        assertPasses(HouseRules.ADAPTERS_ARE_INDEPENDENT, importOnly(WebUsingAPort.class, InMemoryOrderRepository.class));
    }

    @Test
    void onlyBootstrapTouchesWeld() {
        assertFails(HouseRules.ONLY_BOOTSTRAP_TOUCHES_WELD, importOnly(WebUsingWeld.class),
                "WebUsingWeld", "org.jboss.weld.environment.se.Weld", "wiring lives in bootstrap");
        assertPasses(HouseRules.ONLY_BOOTSTRAP_TOUCHES_WELD, importOnly(BootstrapUsingWeld.class, WebUsingAPort.class));
    }
}
