package io.tenantry.kernel.resolution;

import io.tenantry.kernel.context.TenantId;
import io.tenantry.kernel.context.TenantIdentity;
import io.tenantry.kernel.context.Tier;

import java.util.Set;

/**
 * Picks, among the candidates declared for a port, the most specific one for an identity: the tenant's own if one
 * was declared, else its tier's, else the default. A pure function of the identity and the declared keys, so the
 * same identity always reaches the same candidate.
 */
public record MostSpecificCandidate(Set<TenantId> tenants, Set<Tier> tiers) implements ResolutionStrategy<CandidateKey> {

    public MostSpecificCandidate {
        tenants = Set.copyOf(tenants);
        tiers = Set.copyOf(tiers);
    }

    /** The strategy for exactly {@code declared}: the keys a port's candidates were declared with. */
    public static MostSpecificCandidate among(Set<? extends CandidateKey> declared) {
        return new MostSpecificCandidate(
                declared.stream().<TenantId>mapMulti((key, out) -> {
                    if (key instanceof CandidateKey.ForTenant(TenantId tenant)) {
                        out.accept(tenant);
                    }
                }).collect(java.util.stream.Collectors.toSet()),
                declared.stream().<Tier>mapMulti((key, out) -> {
                    if (key instanceof CandidateKey.ForTier(Tier tier)) {
                        out.accept(tier);
                    }
                }).collect(java.util.stream.Collectors.toSet()));
    }

    @Override
    public CandidateKey resolve(TenantIdentity identity) {
        if (tenants.contains(identity.tenant())) {
            return new CandidateKey.ForTenant(identity.tenant());
        }
        if (tiers.contains(identity.tier())) {
            return new CandidateKey.ForTier(identity.tier());
        }
        return new CandidateKey.Default();
    }
}
