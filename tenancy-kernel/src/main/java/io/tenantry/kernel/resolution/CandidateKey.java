package io.tenantry.kernel.resolution;

import io.tenantry.kernel.context.TenantId;
import io.tenantry.kernel.context.Tier;

import java.util.Objects;

/**
 * What a candidate provider of a port was declared for: one tenant, the members of a {@link TenantGroup}, one tier,
 * or every tenant without one.
 */
public sealed interface CandidateKey {

    /** A provider for one named tenant, such as its own database or bucket. */
    record ForTenant(TenantId tenant) implements CandidateKey {
        public ForTenant {
            Objects.requireNonNull(tenant, "'tenant' must not be null");
        }

        @Override
        public String toString() {
            return "tenant " + tenant;
        }
    }

    /** A provider for the members of a group, such as the tenants with a database of their own; named by the group. */
    record ForGroup(String group) implements CandidateKey {
        public ForGroup {
            Objects.requireNonNull(group, "'group' must not be null");
        }

        @Override
        public String toString() {
            return "group " + group;
        }
    }

    /** A provider for every tenant of a tier, such as S3 for paying tiers. */
    record ForTier(Tier tier) implements CandidateKey {
        public ForTier {
            Objects.requireNonNull(tier, "'tier' must not be null");
        }

        @Override
        public String toString() {
            return "tier " + tier.wireName();
        }
    }

    /** The provider of every tenant no more specific candidate was declared for. */
    record Default() implements CandidateKey {
        @Override
        public String toString() {
            return "the default";
        }
    }
}
