package io.tenantry.kernel.policy;

import io.tenantry.kernel.context.Tier;
import io.tenantry.kernel.context.TenantIdentity;

import java.util.Arrays;
import java.util.Set;

/**
 * One {@link Allow} or {@link Deny}, as data.
 *
 * @param operations the operations it speaks about; empty means all
 * @param roles      roles that match; empty together with {@code tiers} means every caller
 * @param tiers      tiers that match
 */
public record PolicyRule(Set<Operation> operations, Set<String> roles, Set<Tier> tiers) {

    public PolicyRule {
        operations = Set.copyOf(operations);
        roles = Set.copyOf(roles);
        tiers = Set.copyOf(tiers);
    }

    static PolicyRule of(Allow allow) {
        return new PolicyRule(Set.of(allow.operations()), Set.of(allow.roles()), Set.copyOf(Arrays.asList(allow.tiers())));
    }

    static PolicyRule of(Deny deny) {
        return new PolicyRule(Set.of(deny.operations()), Set.of(deny.roles()), Set.copyOf(Arrays.asList(deny.tiers())));
    }

    boolean covers(Operation operation) {
        return operations.isEmpty() || operations.contains(operation);
    }

    boolean matches(TenantIdentity identity) {
        if (roles.isEmpty() && tiers.isEmpty()) {
            return true;
        }
        return identity.hasAnyRole(roles) || tiers.contains(identity.tier());
    }
}
