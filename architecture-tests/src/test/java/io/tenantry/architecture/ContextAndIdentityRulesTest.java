package io.tenantry.architecture;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.tenantry.adapters.persistence.redis.fixture.RedisCacheAdapter;
import io.tenantry.adapters.web.auth.TokenVerifier;
import io.tenantry.adapters.web.fixture.DecodesWithoutVerifying;
import io.tenantry.adapters.web.fixture.ForgesIdentity;
import io.tenantry.adapters.web.fixture.OwnScopedValue;
import io.tenantry.adapters.web.fixture.RawRedisMap;
import io.tenantry.adapters.web.fixture.ReadsTheContext;
import io.tenantry.adapters.web.fixture.StrayThreadLocal;
import io.tenantry.bootstrap.DemoData;
import io.tenantry.bootstrap.fixture.DependentTierProducer;
import io.tenantry.bootstrap.fixture.SingletonTierProducer;
import org.junit.jupiter.api.Test;

import static io.tenantry.architecture.RuleFixtures.assertFails;
import static io.tenantry.architecture.RuleFixtures.assertPasses;
import static io.tenantry.architecture.RuleFixtures.importOnly;

/** Providers, context, identity, caches: each rule fails on its bad fixture and passes on a good one. */
class ContextAndIdentityRulesTest {

    @Test
    void aSingletonTierConditionalProviderFailsTheBuild() {
        assertFails(HouseRules.TENANT_CONDITIONAL_PRODUCERS_ARE_NOT_SINGLETONS, importOnly(SingletonTierProducer.class),
                "SingletonTierProducer.storage(io.tenantry.kernel.resolution.ContextualProvider) resolves a tenant- or "
                        + "tier-specific instance but is a process-wide singleton",
                "Produce it per call");
        assertPasses(HouseRules.TENANT_CONDITIONAL_PRODUCERS_ARE_NOT_SINGLETONS, importOnly(DependentTierProducer.class));
    }

    @Test
    void aStrayThreadLocalFailsTheBuild() {
        assertFails(HouseRules.NO_THREAD_LOCALS, importOnly(StrayThreadLocal.class), "StrayThreadLocal",
                "java.lang.ThreadLocal", "Use TenantContext");
        assertPasses(HouseRules.NO_THREAD_LOCALS, importOnly(ReadsTheContext.class));
    }

    @Test
    void aContextKeyOutsideTheKernelFailsTheBuild() {
        assertFails(HouseRules.CONTEXT_KEYS_LIVE_IN_ONE_CLASS, importOnly(OwnScopedValue.class),
                "OwnScopedValue.TENANT", "ScopedValue", "Declare it in the kernel's ContextKeys");
        assertFails(HouseRules.SCOPED_VALUES_ARE_BOUND_ONLY_BY_THE_KERNEL, importOnly(OwnScopedValue.class),
                "OwnScopedValue", "newInstance", "where", "Call those instead");
        var kernelContext = new ClassFileImporter().withImportOption(new ProductionCode())
                .importPackages("io.tenantry.kernel.context");
        assertPasses(HouseRules.CONTEXT_KEYS_LIVE_IN_ONE_CLASS, kernelContext);
        assertPasses(HouseRules.SCOPED_VALUES_ARE_BOUND_ONLY_BY_THE_KERNEL, importOnly(ReadsTheContext.class));
    }

    @Test
    void decodingATokenWithoutVerifyingFailsTheBuild() {
        assertFails(HouseRules.TOKENS_ARE_NEVER_DECODED_WITHOUT_VERIFICATION, importOnly(DecodesWithoutVerifying.class),
                "DecodesWithoutVerifying", "JWT.decode", "Use TokenVerifier");
        assertPasses(HouseRules.TOKENS_ARE_NEVER_DECODED_WITHOUT_VERIFICATION, importOnly(TokenVerifier.class));
    }

    @Test
    void buildingAnIdentityOutsideTheVerifierFailsTheBuild() {
        assertFails(HouseRules.IDENTITIES_COME_FROM_VERIFIED_TOKENS, importOnly(ForgesIdentity.class),
                "ForgesIdentity", "TenantIdentity.<init>", "Only TokenVerifier");
        assertPasses(HouseRules.IDENTITIES_COME_FROM_VERIFIED_TOKENS, importOnly(TokenVerifier.class, DemoData.class, ReadsTheContext.class));
    }

    @Test
    void aRawRedisMapOutsideTheAdapterFailsTheBuild() {
        assertFails(HouseRules.CACHES_AND_LIMITERS_ONLY_THROUGH_KERNEL_PORTS, importOnly(RawRedisMap.class),
                "RawRedisMap", "org.redisson.api.RMap", "Use TenantCache with CacheKey");
        assertPasses(HouseRules.CACHES_AND_LIMITERS_ONLY_THROUGH_KERNEL_PORTS,
                importOnly(RedisCacheAdapter.class, ReadsTheContext.class));
    }
}
