package io.tenantry.kernel.resolution;

import io.tenantry.kernel.context.TenantId;
import io.tenantry.kernel.context.TenantIdentity;
import io.tenantry.kernel.context.Tier;
import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The most specific declared candidate wins, and the choice is a pure function of the identity. */
class MostSpecificCandidateTest {

    private static final MostSpecificCandidate STRATEGY = MostSpecificCandidate.among(Set.of(
            new CandidateKey.ForTenant(TenantId.of("acme")), new CandidateKey.ForTier(Tier.ENTERPRISE),
            new CandidateKey.ForTier(Tier.PRO), new CandidateKey.Default()));

    @Test
    void theTenantsOwnCandidateBeatsItsTiersWhichBeatsTheDefault() {
        assertEquals(new CandidateKey.ForTenant(TenantId.of("acme")), STRATEGY.resolve(identity("acme", Tier.FREE)));
        assertEquals(new CandidateKey.ForTier(Tier.PRO), STRATEGY.resolve(identity("globex", Tier.PRO)));
        assertEquals(new CandidateKey.Default(), STRATEGY.resolve(identity("globex", Tier.FREE)));
    }

    @Test
    void theSameIdentityAlwaysResolvesToTheSameDeclaredKey() {
        Random random = new Random(42);
        Tier[] tiers = Tier.values();
        for (int i = 0; i < 10_000; i++) {
            TenantIdentity identity = identity("t" + random.nextInt(50), tiers[random.nextInt(tiers.length)]);
            TenantIdentity twin = new TenantIdentity(identity.tenant(), identity.tier(), "another-" + i, Set.of("owner"));
            CandidateKey key = STRATEGY.resolve(identity);
            assertEquals(key, STRATEGY.resolve(identity), "pure: asked twice");
            assertEquals(key, STRATEGY.resolve(twin), "only the tenant and the tier decide, not the subject or roles");
            assertTrue(key instanceof CandidateKey.Default
                    || (key instanceof CandidateKey.ForTier(Tier tier) && tier == identity.tier()), key::toString);
        }
    }

    @Test
    void aGroupMemberGetsTheGroupsCandidateAheadOfItsTierButNotOfItsOwn() {
        java.util.Set<TenantId> members = java.util.concurrent.ConcurrentHashMap.newKeySet();
        members.add(TenantId.of("acme"));
        members.add(TenantId.of("initech"));
        MostSpecificCandidate strategy = MostSpecificCandidate.among(Set.of(
                new CandidateKey.ForTenant(TenantId.of("acme")), new CandidateKey.ForGroup("own-database"),
                new CandidateKey.ForTier(Tier.ENTERPRISE), new CandidateKey.Default()),
                java.util.Map.of("own-database", members::contains));
        assertEquals(new CandidateKey.ForTenant(TenantId.of("acme")), strategy.resolve(identity("acme", Tier.ENTERPRISE)));
        assertEquals(new CandidateKey.ForGroup("own-database"), strategy.resolve(identity("initech", Tier.ENTERPRISE)));
        assertEquals(new CandidateKey.ForTier(Tier.ENTERPRISE), strategy.resolve(identity("globex", Tier.ENTERPRISE)));
        members.add(TenantId.of("globex"));
        assertEquals(new CandidateKey.ForGroup("own-database"), strategy.resolve(identity("globex", Tier.ENTERPRISE)),
                "membership is read on every resolution: an operator's change shows at once");
    }

    @Test
    void aTenantInTwoGroupsWithCandidatesIsRefusedNotGuessed() {
        MostSpecificCandidate strategy = MostSpecificCandidate.among(Set.of(new CandidateKey.ForGroup("eu"),
                        new CandidateKey.ForGroup("beta"), new CandidateKey.Default()),
                java.util.Map.of("eu", tenant -> true, "beta", tenant -> tenant.value().startsWith("b")));
        assertEquals(new CandidateKey.ForGroup("eu"), strategy.resolve(identity("acme", Tier.FREE)));
        IllegalStateException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> strategy.resolve(identity("bravo", Tier.FREE)));
        assertTrue(refused.getMessage().contains("declare one for the tenant itself"), refused.getMessage());
    }

    private static TenantIdentity identity(String tenant, Tier tier) {
        return new TenantIdentity(TenantId.of(tenant), tier, "user-1", Set.of("member"));
    }
}
