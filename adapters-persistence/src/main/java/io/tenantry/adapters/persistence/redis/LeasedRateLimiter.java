package io.tenantry.adapters.persistence.redis;

import io.tenantry.kernel.limits.Budget;
import io.tenantry.kernel.limits.RateLimitDecision;
import io.tenantry.kernel.limits.RateLimitKey;
import io.tenantry.kernel.limits.SlidingWindow;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * The shared budget without a Redis round trip per request. The instance takes a lease, several permits of the
 * tenant's current window counted in Redis at once by the same atomic script as a single decision, and decides
 * locally while the lease lasts. Redis counts leased permits as used, so what every instance admits in a window never
 * exceeds the budget; what a lease leaves unused is given back with the next lease (to the current window, or to the
 * previous one, where it would still weigh in the sliding estimate).
 *
 * <ul>
 *   <li>A lease ends with the window it was counted in, measured on this instance's monotonic clock from the moment
 *       the script was sent (never later than the script ran), so a permit is never used in a window that did not
 *       count it.</li>
 *   <li>Its size follows the tenant's observed rate: what the instance used per second of the last lease, times
 *       {@link #LEASE_HORIZON}, at most 1 % of the budget ({@link #MAX_LEASE_SHARE}). A tenant goes to Redis about once
 *       in five seconds per instance, or once per 1 % of its budget when it is busier; a budget below 200 a window gets leases of one permit, which is exactly one script per
 *       decision; a dying instance strands at most 1 % of a window's budget.</li>
 *   <li>A refusal is remembered until the sliding window could first admit again (Redis's answer assumes no other
 *       requests, so it is a lower bound), so a tenant over its budget costs no Redis round trip per refused
 *       request.</li>
 * </ul>
 *
 * <p>Under-admission: each instance may hold one unused lease per tenant until its next request or the window's end,
 * so a window admits at least the budget minus {@code instances × 1 %} of it under sustained load.
 */
public final class LeasedRateLimiter implements SharedBudget {

    /**
     * How much of the tenant's observed rate one lease holds. Longer means fewer round trips (each costs the request
     * that makes it a Redis round trip, and the JVM Redisson's and Netty's work); the 1 % bound keeps what a lease
     * can strand small whatever the horizon.
     */
    static final Duration LEASE_HORIZON = Duration.ofSeconds(5);

    /** The largest lease, as a share of the budget: 1 / 100. */
    static final int MAX_LEASE_SHARE = 100;

    private record Window(RateLimitKey key, long windowMillis) {
    }

    /** Told of every admission with the Redis window that counted it (tests check the per-window totals). */
    @FunctionalInterface
    interface Admissions {
        void admitted(RateLimitKey key, long windowIndex);
    }

    /** This instance's lease on one tenant's window; guarded by {@link #lock}. */
    private static final class Holding {
        final ReentrantLock lock = new ReentrantLock();
        /** Permits of the lease not used yet. */
        long left;
        /** The Redis window the lease was counted in, -1 before the first. */
        long index = -1;
        /** When the lease's window ends, in {@link System#nanoTime()} terms. */
        long endsAt;
        /** When the lease was granted, and how many permits it held. */
        long grantedAt;
        long granted;
        /** What the shared window had left for everyone after the grant. */
        long roomAfterGrant;
        /** Until when the budget is known to be spent. */
        long refusedUntil;

        /** No lease and no refusal yet: both already over at {@code now} (nanoTime values can be negative). */
        Holding(long now) {
            endsAt = now;
            refusedUntil = now;
        }
    }

    private final RedisRateLimiter redis;
    private final LongSupplier nanoTime;
    private final Admissions admissions;
    private final Map<Window, Holding> holdings = new ConcurrentHashMap<>();
    private final LongAdder roundTrips = new LongAdder();
    private final LongAdder roundTripNanos = new LongAdder();
    private final LongAdder decisions = new LongAdder();

    public LeasedRateLimiter(RedisRateLimiter redis) {
        this(redis, System::nanoTime, (key, index) -> { });
    }

    LeasedRateLimiter(RedisRateLimiter redis, LongSupplier nanoTime, Admissions admissions) {
        this.redis = redis;
        this.nanoTime = nanoTime;
        this.admissions = admissions;
    }

    @Override
    public RateLimitDecision acquire(RateLimitKey key, Budget budget, long admittedElsewhere) {
        decisions.increment();
        Holding holding = holdings.computeIfAbsent(new Window(key, budget.window().toMillis()),
                window -> new Holding(nanoTime.getAsLong()));
        holding.lock.lock();
        try {
            long now = nanoTime.getAsLong();
            if (admittedElsewhere == 0) {
                if (now - holding.endsAt < 0 && holding.left > 0) {
                    holding.left--;
                    return allowed(key, budget, holding, now);
                }
                if (now - holding.refusedUntil < 0) {
                    return new RateLimitDecision.Limited(budget.permits(), untilEnd(holding, now),
                            Duration.ofNanos(holding.refusedUntil - now));
                }
            }
            return renew(key, budget, holding, now, admittedElsewhere);
        } finally {
            holding.lock.unlock();
        }
    }

    /** Scripts run against Redis so far, and decisions made: their ratio is the round trips per decision. */
    public long roundTrips() {
        return roundTrips.sum();
    }

    public long decisions() {
        return decisions.sum();
    }

    /** The time spent in those scripts, sending to answer (or failure). */
    public Duration roundTripTime() {
        return Duration.ofNanos(roundTripNanos.sum());
    }

    private RateLimitDecision renew(RateLimitKey key, Budget budget, Holding holding, long now, long admittedElsewhere) {
        long unused = holding.left;
        long wanted = nextLeaseSize(budget, holding, now);
        holding.left = 0;
        holding.refusedUntil = now;
        roundTrips.increment();
        RedisRateLimiter.Grant grant;
        try {
            grant = redis.lease(key, budget, wanted, admittedElsewhere, unused, holding.index);
        } finally {
            roundTripNanos.add(nanoTime.getAsLong() - now);
        }
        long windowMillis = budget.window().toMillis();
        holding.index = grant.index();
        holding.endsAt = now + TimeUnit.MILLISECONDS.toNanos(windowMillis - grant.elapsedMillis());
        if (grant.granted() == 0) {
            RateLimitDecision decision = SlidingWindow.decision(budget, false, grant.elapsedMillis(), grant.current(),
                    grant.previous());
            holding.refusedUntil = now + ((RateLimitDecision.Limited) decision).retryAfter().toNanos();
            return decision;
        }
        holding.granted = grant.granted();
        holding.grantedAt = now;
        holding.left = grant.granted() - 1;
        holding.roomAfterGrant = (long) Math.floor(budget.permits()
                - SlidingWindow.estimate(budget, grant.elapsedMillis(), grant.current(), grant.previous()));
        return allowed(key, budget, holding, now);
    }

    /** The tenant's rate over the last lease times the horizon, between 1 and 1 % of the budget. */
    private static long nextLeaseSize(Budget budget, Holding holding, long now) {
        long largest = Math.max(1, budget.permits() / MAX_LEASE_SHARE);
        if (holding.granted == 0 || largest == 1) {
            return 1;
        }
        long used = holding.granted - holding.left;
        double seconds = Math.max(1e-3, (now - holding.grantedAt) / 1e9);
        long size = (long) Math.ceil(used / seconds * LEASE_HORIZON.toNanos() / 1e9);
        return Math.clamp(size, 1, largest);
    }

    private RateLimitDecision allowed(RateLimitKey key, Budget budget, Holding holding, long now) {
        admissions.admitted(key, holding.index);
        long remaining = Math.clamp(holding.roomAfterGrant + holding.left, 0, budget.permits() - 1);
        return new RateLimitDecision.Allowed(budget.permits(), remaining, untilEnd(holding, now));
    }

    private static Duration untilEnd(Holding holding, long now) {
        return Duration.ofNanos(Math.max(0, holding.endsAt - now));
    }
}
