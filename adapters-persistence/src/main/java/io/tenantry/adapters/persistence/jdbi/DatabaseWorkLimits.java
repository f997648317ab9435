package io.tenantry.adapters.persistence.jdbi;

import io.tenantry.kernel.context.Tier;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How much database work one tenant may have at once, by tier: concurrent operations (a bulkhead, so one tenant
 * cannot take every pooled connection) and the statement timeout PostgreSQL enforces on each of its statements.
 *
 * @param concurrency      concurrent tenant-scoped operations per tenant of each tier
 * @param statementTimeout the longest one statement of a tenant of each tier may run
 * @param slotWait         how long an operation waits for one of its tenant's slots before it is refused
 */
public record DatabaseWorkLimits(Map<Tier, Integer> concurrency, Map<Tier, Duration> statementTimeout, Duration slotWait) {

    public DatabaseWorkLimits {
        concurrency = Map.copyOf(concurrency);
        statementTimeout = Map.copyOf(statementTimeout);
        Objects.requireNonNull(slotWait, "'slotWait' must not be null");
        for (Tier tier : Tier.values()) {
            Integer slots = concurrency.get(tier);
            Duration timeout = statementTimeout.get(tier);
            if (slots == null || slots < 1) {
                throw new IllegalArgumentException("every tier needs a positive concurrency; " + tier + " has " + slots);
            }
            if (timeout == null || timeout.toMillis() < 1) {
                throw new IllegalArgumentException("every tier needs a positive statement timeout; " + tier + " has " + timeout);
            }
        }
    }

    /** Free 2 / pro 4 / enterprise 8 concurrent operations; statements up to 2 / 5 / 15 seconds; a 1 s wait. */
    public static DatabaseWorkLimits defaults() {
        return new DatabaseWorkLimits(
                Map.of(Tier.FREE, 2, Tier.PRO, 4, Tier.ENTERPRISE, 8),
                Map.of(Tier.FREE, Duration.ofSeconds(2), Tier.PRO, Duration.ofSeconds(5), Tier.ENTERPRISE, Duration.ofSeconds(15)),
                Duration.ofSeconds(1));
    }

    /** These limits with {@code tier}'s concurrency and statement timeout replaced. */
    public DatabaseWorkLimits with(Tier tier, int slots, Duration timeout) {
        Map<Tier, Integer> slotsByTier = new EnumMap<>(concurrency);
        Map<Tier, Duration> timeoutByTier = new EnumMap<>(statementTimeout);
        slotsByTier.put(tier, slots);
        timeoutByTier.put(tier, timeout);
        return new DatabaseWorkLimits(slotsByTier, timeoutByTier, slotWait);
    }

    /** These limits waiting {@code slotWait} for a slot. */
    public DatabaseWorkLimits waiting(Duration slotWait) {
        return new DatabaseWorkLimits(concurrency, statementTimeout, slotWait);
    }

    int concurrencyOf(Tier tier) {
        return concurrency.get(tier);
    }

    /** The statement timeout of {@code tier} as PostgreSQL's setting takes it (milliseconds). */
    String statementTimeoutSetting(Tier tier) {
        return String.valueOf(statementTimeout.get(tier).toMillis());
    }
}
