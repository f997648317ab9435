package io.tenantry.application.file;

import io.tenantry.kernel.context.Tier;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** The storage quota of each tier. Every tier must have one, so no tenant falls through to "unlimited". */
public record TierQuotas(Map<Tier, StorageQuota> quotas) {

    private static final long MIB = 1024L * 1024;

    public TierQuotas {
        Objects.requireNonNull(quotas, "'quotas' must not be null");
        for (Tier tier : Tier.values()) {
            if (!quotas.containsKey(tier)) {
                throw new IllegalArgumentException("tier '" + tier.wireName() + "' has no storage quota");
            }
        }
        quotas = Map.copyOf(quotas);
    }

    /** free 100 MiB / 1 000 files, pro 10 GiB / 100 000, enterprise 1 TiB / 10 000 000. */
    public static TierQuotas defaults() {
        Map<Tier, StorageQuota> quotas = new EnumMap<>(Tier.class);
        quotas.put(Tier.FREE, new StorageQuota(100 * MIB, 1_000));
        quotas.put(Tier.PRO, new StorageQuota(10 * 1024 * MIB, 100_000));
        quotas.put(Tier.ENTERPRISE, new StorageQuota(1024 * 1024 * MIB, 10_000_000));
        return new TierQuotas(quotas);
    }

    public StorageQuota quotaFor(Tier tier) {
        return quotas.get(Objects.requireNonNull(tier, "'tier' must not be null"));
    }

    /** A copy with {@code tier}'s quota replaced, for configuration. */
    public TierQuotas with(Tier tier, StorageQuota quota) {
        Map<Tier, StorageQuota> changed = new EnumMap<>(quotas);
        changed.put(tier, quota);
        return new TierQuotas(changed);
    }
}
