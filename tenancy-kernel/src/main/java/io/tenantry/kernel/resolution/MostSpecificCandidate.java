package io.tenantry.kernel.resolution;

import io.tenantry.kernel.context.TenantId;
import io.tenantry.kernel.context.TenantIdentity;
import io.tenantry.kernel.context.Tier;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Picks, among the candidates declared for a port, the most specific one for an identity: the tenant's own if one
 * was declared, else the candidate of a group it belongs to, else its tier's, else the default. A pure function of
 * the identity, the declared keys and the groups' membership, so the same identity always reaches the same
 * candidate while membership stays as it is.
 *
 * @param groups the groups that have a candidate, by name; a tenant in two of them is refused rather than guessed
 */
public record MostSpecificCandidate(Set<TenantId> tenants, Map<String, TenantGroup> groups, Set<Tier> tiers)
        implements ResolutionStrategy<CandidateKey> {

    public MostSpecificCandidate {
        tenants = Set.copyOf(tenants);
        groups = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(groups));
        tiers = Set.copyOf(tiers);
    }

    /** The strategy for exactly {@code declared}: the keys a port's candidates were declared with, and no group. */
    public static MostSpecificCandidate among(Set<? extends CandidateKey> declared) {
        return among(declared, Map.of());
    }

    /** As {@link #among(Set)}, with the members of each declared group as {@code groups} says. */
    public static MostSpecificCandidate among(Set<? extends CandidateKey> declared, Map<String, TenantGroup> groups) {
        Map<String, TenantGroup> used = new LinkedHashMap<>();
        declared.forEach(key -> {
            if (key instanceof CandidateKey.ForGroup(String group)) {
                used.put(group, Objects.requireNonNull(groups.get(group), () -> "no members known for group " + group));
            }
        });
        return new MostSpecificCandidate(
                declared.stream().<TenantId>mapMulti((key, out) -> {
                    if (key instanceof CandidateKey.ForTenant(TenantId tenant)) {
                        out.accept(tenant);
                    }
                }).collect(Collectors.toSet()),
                used,
                declared.stream().<Tier>mapMulti((key, out) -> {
                    if (key instanceof CandidateKey.ForTier(Tier tier)) {
                        out.accept(tier);
                    }
                }).collect(Collectors.toSet()));
    }

    @Override
    public CandidateKey resolve(TenantIdentity identity) {
        if (tenants.contains(identity.tenant())) {
            return new CandidateKey.ForTenant(identity.tenant());
        }
        CandidateKey.ForGroup member = null;
        for (Map.Entry<String, TenantGroup> group : groups.entrySet()) {
            if (group.getValue().contains(identity.tenant())) {
                if (member != null) {
                    throw new IllegalStateException(identity.tenant() + " belongs to " + member + " and to group "
                            + group.getKey() + ", which both have a candidate; declare one for the tenant itself");
                }
                member = new CandidateKey.ForGroup(group.getKey());
            }
        }
        if (member != null) {
            return member;
        }
        if (tiers.contains(identity.tier())) {
            return new CandidateKey.ForTier(identity.tier());
        }
        return new CandidateKey.Default();
    }
}
