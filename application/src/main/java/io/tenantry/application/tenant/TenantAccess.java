package io.tenantry.application.tenant;

import io.tenantry.kernel.context.TenantContext;
import io.tenantry.kernel.context.TenantId;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides whether the tenant of the current identity may use the service: it must exist and be active. Reads the
 * {@link TenantDirectory} through a short-lived per-process cache so that authentication does not cost a query per
 * request; an operator's change evicts the entry at once on this instance, and other instances see it within
 * {@link #maxAge()}.
 */
public final class TenantAccess implements CheckTenantAccessUseCase {

    private record Entry(Optional<Tenant> tenant, Instant expires) {
    }

    private final TenantDirectory directory;
    private final Clock clock;
    private final Duration maxAge;
    private final Map<TenantId, Entry> cache = new ConcurrentHashMap<>();

    public TenantAccess(TenantDirectory directory, Clock clock, Duration maxAge) {
        this.directory = directory;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    @Override
    public Verdict check() {
        return current()
                .<Verdict>map(found -> found.active() ? new Verdict.Granted(found) : new Verdict.Suspended())
                .orElseGet(Verdict.UnknownTenant::new);
    }

    /**
     * The current tenant's entry as this check sees it: the one read for the request's own check, unless it grew
     * older than {@link #maxAge()} since. What routes the tenant's calls to the database its entry names, so an
     * instance that admitted a tenant routes it by the same reading.
     */
    public Optional<Tenant> current() {
        TenantId tenant = TenantContext.require("a tenant access check").tenant();
        Instant now = clock.instant();
        Entry entry = cache.get(tenant);
        if (entry == null || !entry.expires().isAfter(now)) {
            entry = new Entry(directory.current(), now.plus(maxAge));
            cache.put(tenant, entry);
        }
        return entry.tenant();
    }

    /** Forgets what is known of {@code tenant}, after its tier or status changed. */
    public void evict(TenantId tenant) {
        cache.remove(tenant);
    }

    public Duration maxAge() {
        return maxAge;
    }
}
