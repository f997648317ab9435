package io.tenantry.architecture;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.tenantry.adapters.persistence.fixture.OpensBypassRole;
import io.tenantry.adapters.persistence.jdbi.ConnectionRole;
import io.tenantry.adapters.persistence.postgres.PostgresPersistence;
import io.tenantry.adapters.web.fixture.EntersBypassScopeDirectly;
import io.tenantry.adapters.web.fixture.HandlerCallingBypassMethod;
import io.tenantry.application.fixture.AuditedCaller;
import io.tenantry.application.order.EveryDatabaseOrders;
import io.tenantry.kernel.audit.Bypass;
import io.tenantry.kernel.context.TenantContext;
import org.junit.jupiter.api.Test;

import static io.tenantry.architecture.RuleFixtures.assertFails;
import static io.tenantry.architecture.RuleFixtures.assertPasses;
import static io.tenantry.architecture.RuleFixtures.importOnly;

/** Cross-tenant access only through the audited Bypass: each rule fails on an unaudited path. */
class BypassRulesTest {

    @Test
    void aBypassMethodCalledFromAWebHandlerFailsTheBuild() {
        assertFails(HouseRules.BYPASS_METHODS_ARE_CALLED_ONLY_THROUGH_BYPASS,
                importOnly(HandlerCallingBypassMethod.class, EveryDatabaseOrders.class, Bypass.class),
                "HandlerCallingBypassMethod.handle calls @BypassRls io.tenantry.application.order.EveryDatabaseOrders"
                        + ".newest(int) outside work given to Bypass",
                "Call a @BypassRls method only from the work lambda given to Bypass.call/list");
        assertPasses(HouseRules.BYPASS_METHODS_ARE_CALLED_ONLY_THROUGH_BYPASS,
                importOnly(AuditedCaller.class, EveryDatabaseOrders.class, Bypass.class));
    }

    @Test
    void onlyBypassEntersTheBypassScope() {
        assertFails(HouseRules.ONLY_BYPASS_ENTERS_THE_BYPASS_SCOPE,
                importOnly(EntersBypassScopeDirectly.class, TenantContext.class),
                "EntersBypassScopeDirectly", "callInBypass", "Run cross-tenant work with Bypass.call or Bypass.list");
        assertPasses(HouseRules.ONLY_BYPASS_ENTERS_THE_BYPASS_SCOPE, importOnly(Bypass.class, TenantContext.class));
    }

    @Test
    void onlyThePersistenceAssemblyOpensTheBypassRole() {
        assertFails(HouseRules.ONLY_THE_PERSISTENCE_ASSEMBLY_OPENS_THE_BYPASS_ROLE,
                importOnly(OpensBypassRole.class, ConnectionRole.class), "OpensBypassRole", "BYPASS",
                "Use the repositories PostgresPersistence builds");
        assertPasses(HouseRules.ONLY_THE_PERSISTENCE_ASSEMBLY_OPENS_THE_BYPASS_ROLE,
                new ClassFileImporter().importClasses(PostgresPersistence.class, ConnectionRole.class,
                        io.tenantry.adapters.web.fixture.ReadsTheContext.class));
    }
}
