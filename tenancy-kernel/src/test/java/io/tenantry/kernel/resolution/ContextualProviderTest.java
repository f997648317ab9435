package io.tenantry.kernel.resolution;

import io.tenantry.kernel.context.MissingTenantContext;
import io.tenantry.kernel.context.TenantContext;
import io.tenantry.kernel.context.TenantIdentity;
import io.tenantry.kernel.context.Tier;
import io.tenantry.kernel.testing.TwoTenants;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static io.tenantry.kernel.testing.TwoTenants.A;
import static io.tenantry.kernel.testing.TwoTenants.B;
import static io.tenantry.kernel.testing.TwoTenants.MEMBER_A;
import static io.tenantry.kernel.testing.TwoTenants.MEMBER_B;
import static io.tenantry.kernel.testing.TwoTenants.OWNER_A;
import static io.tenantry.kernel.testing.TwoTenants.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContextualProviderTest {

    /** A provided thing that remembers whom it was made for. */
    record Store(String backend, String tenant) {
    }

    private static ContextualProvider<Store> byTier(ProviderScope scope) {
        return ContextualProvider.<Tier, Store>resolvedBy(ResolutionStrategy.byTier())
                .bind(Tier.FREE, identity -> new Store("disk", identity.tenant().value()))
                .bind(Tier.PRO, identity -> new Store("s3", identity.tenant().value()))
                .bind(Tier.ENTERPRISE, identity -> new Store("s3", identity.tenant().value()))
                .withoutDefault()
                .scope(scope)
                .build();
    }

    @Test
    void oneInjectionPointResolvesToTheTiersProvider() {
        ContextualProvider<Store> stores = byTier(ProviderScope.PER_CALL);
        assertEquals(new Store("s3", "tenant-a"), as(MEMBER_A, stores::get));
        assertEquals(new Store("disk", "tenant-b"), as(MEMBER_B, stores::get));
    }

    @Test
    void perCallMakesAFreshInstanceEveryTime() {
        ContextualProvider<Store> stores = byTier(ProviderScope.PER_CALL);
        assertNotSame(as(MEMBER_A, stores::get), as(MEMBER_A, stores::get));
        assertEquals(0, stores.cachedInstances());
    }

    @Test
    void perTenantReusesWithinATenantButNeverAcrossTenants() {
        ContextualProvider<Store> stores = byTier(ProviderScope.PER_TENANT);
        Store first = as(MEMBER_A, stores::get);
        assertSame(first, as(OWNER_A, stores::get), "same tenant, same instance");
        TenantIdentity otherProTenant = TwoTenants.identity(B, Tier.PRO, "bob", TenantIdentity.MEMBER);
        Store other = as(otherProTenant, stores::get);
        assertNotSame(first, other, "same tier but another tenant must not share the instance");
        assertEquals("tenant-b", other.tenant());
        assertEquals(2, stores.cachedInstances());
    }

    @Test
    void aTierChangeResolvesToTheNewTiersProviderEvenWhenCached() {
        ContextualProvider<Store> stores = byTier(ProviderScope.PER_TENANT);
        assertEquals("s3", as(MEMBER_A, stores::get).backend());
        TenantIdentity downgraded = TwoTenants.identity(A, Tier.FREE, "alice", TenantIdentity.MEMBER);
        assertEquals("disk", as(downgraded, stores::get).backend());
    }

    @Test
    void evictDropsOneTenantsInstancesOnly() {
        ContextualProvider<Store> stores = byTier(ProviderScope.PER_TENANT);
        Store a = as(MEMBER_A, stores::get);
        Store b = as(MEMBER_B, stores::get);
        stores.evict(A);
        assertNotSame(a, as(MEMBER_A, stores::get));
        assertSame(b, as(MEMBER_B, stores::get));
    }

    @Test
    void anUnknownKeyWithoutDefaultFailsInsteadOfReachingAnotherProvider() {
        ContextualProvider<Store> proOnly = ContextualProvider.<Tier, Store>resolvedBy(ResolutionStrategy.byTier())
                .bind(Tier.PRO, identity -> new Store("s3", identity.tenant().value()))
                .withoutDefault()
                .build();
        assertEquals("s3", as(MEMBER_A, proOnly::get).backend());
        NoProviderForKey error = assertThrows(NoProviderForKey.class, () -> as(MEMBER_B, proOnly::get));
        assertTrue(error.getMessage().contains("FREE"), error.getMessage());
    }

    @Test
    void anExplicitDefaultServesUnboundKeys() {
        ContextualProvider<Store> provider = ContextualProvider.<Tier, Store>resolvedBy(ResolutionStrategy.byTier())
                .bind(Tier.PRO, identity -> new Store("s3", identity.tenant().value()))
                .orElse(identity -> new Store("disk", identity.tenant().value()))
                .build();
        assertEquals("disk", as(MEMBER_B, provider::get).backend());
        assertEquals("s3", as(MEMBER_A, provider::get).backend());
    }

    @Test
    void theDefaultMustBeDecidedBeforeBuilding() {
        var builder = ContextualProvider.<Tier, Store>resolvedBy(ResolutionStrategy.byTier())
                .bind(Tier.PRO, identity -> new Store("s3", "x"));
        IllegalStateException error = assertThrows(IllegalStateException.class, builder::build);
        assertTrue(error.getMessage().contains("withoutDefault"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> builder.bind(Tier.PRO, identity -> new Store("s3", "y")));
    }

    @Test
    void resolvingWithoutAContextFailsClosed() {
        ContextualProvider<Store> stores = byTier(ProviderScope.PER_TENANT);
        assertThrows(MissingTenantContext.class, stores::get);
        assertEquals(0, stores.cachedInstances());
    }

    @Test
    void perTenantInstancesAreCreatedOncePerTenantUnderContention() throws Exception {
        AtomicInteger created = new AtomicInteger();
        ContextualProvider<Store> provider = ContextualProvider.<io.tenantry.kernel.context.TenantId, Store>resolvedBy(
                        ResolutionStrategy.byTenant())
                .orElse(identity -> {
                    created.incrementAndGet();
                    return new Store("db", identity.tenant().value());
                })
                .scope(ProviderScope.PER_TENANT)
                .build();
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 1_000; i++) {
                TenantIdentity identity = i % 2 == 0 ? MEMBER_A : MEMBER_B;
                pool.submit(TenantContext.wrap(() -> TenantContext.run(identity, provider::get)));
            }
        }
        assertEquals(2, created.get());
    }

    @Test
    void strategiesArePureFunctionsOfTheIdentity() {
        assertEquals(Tier.PRO, new TierStrategy().resolve(MEMBER_A));
        assertEquals(B, new TenantStrategy().resolve(MEMBER_B));
    }
}
