package io.tenantry.adapters.persistence.memory;

import io.tenantry.application.idempotency.Claim;
import io.tenantry.application.idempotency.IdempotencyKey;
import io.tenantry.application.idempotency.IdempotencyStore;
import io.tenantry.application.idempotency.StoredResponse;
import io.tenantry.kernel.context.TenantId;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Idempotency keys in memory, per tenant, with the same expiry rule as the PostgreSQL adapter. */
public final class InMemoryIdempotencyStore implements IdempotencyStore {

    private record Entry(String requestHash, Instant claimedAt, Optional<StoredResponse> response) {
    }

    private record Slot(TenantId tenant, IdempotencyKey key) {
    }

    private final Map<Slot, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration retention;

    public InMemoryIdempotencyStore(Clock clock, Duration retention) {
        this.clock = clock;
        this.retention = retention;
    }

    @Override
    public Claim claim(IdempotencyKey key, String requestHash) {
        Instant now = clock.instant();
        Entry fresh = new Entry(requestHash, now, Optional.empty());
        Entry[] previous = new Entry[1];
        boolean[] taken = new boolean[1];
        entries.compute(slot(key), (slot, existing) -> {
            previous[0] = existing;
            taken[0] = existing == null || takesOver(existing, requestHash, now);
            return taken[0] ? fresh : existing;
        });
        Entry existing = previous[0];
        if (taken[0]) {
            return new Claim.Claimed();
        }
        if (!existing.requestHash().equals(requestHash)) {
            return new Claim.Mismatch();
        }
        return existing.response().<Claim>map(Claim.Replay::new).orElseGet(Claim.InFlight::new);
    }

    /** An expired entry, or the same request's claim abandoned in flight for longer than the lease. */
    private boolean takesOver(Entry existing, String requestHash, Instant now) {
        return existing.claimedAt().isBefore(now.minus(retention))
                || (existing.response().isEmpty() && existing.requestHash().equals(requestHash)
                && existing.claimedAt().isBefore(now.minus(IN_FLIGHT_LEASE)));
    }

    @Override
    public void complete(IdempotencyKey key, StoredResponse response) {
        entries.computeIfPresent(slot(key),
                (slot, entry) -> new Entry(entry.requestHash(), entry.claimedAt(), Optional.of(response)));
    }

    /**
     * Runs {@code write} and stores {@code response} for {@code key} as one step, only while the current tenant's
     * claim of {@code key} is in flight; false, with nothing written, otherwise.
     */
    boolean completeInFlight(IdempotencyKey key, StoredResponse response, Runnable write) {
        boolean[] completed = new boolean[1];
        entries.computeIfPresent(slot(key), (slot, entry) -> {
            if (entry.response().isPresent()) {
                return entry;
            }
            write.run();
            completed[0] = true;
            return new Entry(entry.requestHash(), entry.claimedAt(), Optional.of(response));
        });
        return completed[0];
    }

    @Override
    public void release(IdempotencyKey key) {
        entries.computeIfPresent(slot(key), (slot, entry) -> entry.response().isPresent() ? entry : null);
    }

    private static Slot slot(IdempotencyKey key) {
        return new Slot(InMemoryTenancy.tenant(), key);
    }
}
