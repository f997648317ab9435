package io.tenantry.adapters.persistence.redis;

import io.micrometer.core.instrument.MeterRegistry;
import io.tenantry.adapters.persistence.ConnectionUrls;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.tenantry.adapters.persistence.memory.InMemoryRateLimiter;
import io.tenantry.adapters.persistence.resilience.ProbedBreaker;
import io.tenantry.application.health.DependencyCheck;
import io.tenantry.kernel.cache.TenantCache;
import io.tenantry.kernel.limits.RateLimiter;
import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.RedisNodes;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The Redis-backed adapters over one client: the shared rate limiter and the shared tenant cache, both kept from
 * failing requests while Redis is down (see {@link RedisSettings.OutageMode}) by one breaker that probes Redis with
 * a PING. Closing it closes the client. Callers outside this package never touch Redisson (a rule of the house).
 */
public final class RedisAdapters implements AutoCloseable {

    /** How often a Redis known to be down is pinged. */
    private static final Duration PROBE_INTERVAL = Duration.ofMillis(250);

    private final RedissonClient client;
    private final RedisSettings settings;
    /** The longest a new instance waits for its first connection to Redis. */
    private static final Duration WARM_UP = Duration.ofSeconds(1);
    private final ProbedBreaker breaker;
    private final LeasedRateLimiter leases;
    private final OutageTolerantRateLimiter rateLimiter;
    private final OutageTolerantTenantCache tenantCache;
    /** Where the adapters' own meters live until {@link #publishMetrics} adds the process's registry. */
    private final CompositeMeterRegistry meters = new CompositeMeterRegistry();

    private RedisAdapters(RedissonClient client, String prefix, RedisSettings settings, Clock clock) {
        this.client = client;
        this.settings = settings;
        OutageTolerantTenantCache[] cache = new OutageTolerantTenantCache[1];
        this.breaker = new ProbedBreaker("Redis at " + ConnectionUrls.redacted(settings.url()), this::answersPing, PROBE_INTERVAL,
                () -> cache[0].catchUp());
        RedisCalls calls = new RedisCalls(meters);
        this.leases = new LeasedRateLimiter(new RedisRateLimiter(client, prefix + "limits:", calls));
        this.rateLimiter = new OutageTolerantRateLimiter(leases,
                new InMemoryRateLimiter(clock), breaker, settings, clock);
        this.tenantCache = new OutageTolerantTenantCache(new RedisTenantCache(client, prefix + "cache:", calls), breaker);
        cache[0] = tenantCache;
        warmUp();
    }

    /**
     * The client opens its connections on first use, which takes longer than a health check's ping may wait; one
     * ping now, allowed up to {@link #WARM_UP} and its answer ignored (an outage is the breaker's business), so the
     * first {@code /health} of a fresh instance does not report a reachable Redis as down.
     */
    private void warmUp() {
        try {
            client.getRedisNodes(RedisNodes.SINGLE).pingAll(WARM_UP.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException unreachable) {
            // the breaker probes again on the first command
        }
    }

    /** Connects to {@code url} with the default settings; every key starts with {@code prefix}, e.g. {@code tenantry:}. */
    public static RedisAdapters connect(String url, String prefix) {
        return connect(RedisSettings.of(url), prefix, Clock.systemUTC());
    }

    /** Connects as {@code settings} say; every key starts with {@code prefix}. */
    public static RedisAdapters connect(RedisSettings settings, String prefix, Clock clock) {
        return new RedisAdapters(RedisConnection.connect(settings.url(), settings.commandTimeout()), prefix, settings, clock);
    }

    /** Publishes the time of every Redis command (see {@link RedisCalls}) to {@code registry}. */
    public void publishMetrics(MeterRegistry registry) {
        meters.add(registry);
    }

    public RateLimiter rateLimiter() {
        return rateLimiter;
    }

    public TenantCache tenantCache() {
        return tenantCache;
    }

    /** Rate-limit decisions made against the shared budgets (from leases or scripts), for the metrics. */
    public double sharedDecisions() {
        return leases.decisions();
    }

    /** Scripts the limiter ran on Redis (leases taken), for the metrics. */
    public double limiterRoundTrips() {
        return leases.roundTrips();
    }

    /** The seconds the limiter's scripts took in all, for the metrics (with {@link #limiterRoundTrips()}, a mean). */
    public double limiterRoundTripSeconds() {
        return leases.roundTripTime().toNanos() / 1e9;
    }

    /** Whether requests are being served without Redis now (local budgets or refusals, cache misses). */
    public boolean degraded() {
        return breaker.isOpen();
    }

    /**
     * Whether Redis answers a PING. Not critical in {@code fail-open-local}: the service stays ready (and reports
     * itself degraded) while Redis is down.
     */
    public DependencyCheck healthCheck() {
        return new DependencyCheck() {
            @Override
            public String name() {
                return "redis";
            }

            @Override
            public boolean up() {
                return !breaker.isOpen() && breaker.probeNow();
            }

            @Override
            public boolean critical() {
                return settings.outageMode() == RedisSettings.OutageMode.FAIL_CLOSED;
            }
        };
    }

    private boolean answersPing() {
        try {
            return client.getRedisNodes(RedisNodes.SINGLE).pingAll(Math.max(100, settings.commandTimeout().toMillis() * 4),
                    TimeUnit.MILLISECONDS);
        } catch (RuntimeException unreachable) {
            return false;
        }
    }

    @Override
    public void close() {
        breaker.close();
        client.shutdown();
    }
}
