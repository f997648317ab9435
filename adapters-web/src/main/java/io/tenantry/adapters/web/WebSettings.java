package io.tenantry.adapters.web;

import io.tenantry.adapters.web.auth.JwtSettings;
import io.tenantry.kernel.context.TenantId;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The HTTP side's settings.
 *
 * @param host          the address to listen on
 * @param port          the port (0 picks a free one)
 * @param maxJsonBytes  the largest JSON body accepted
 * @param jwt           how tokens are verified
 * @param drainTimeout  how long shutdown waits for in-flight requests
 * @param platform      the operators' home tenant, the only one whose {@code admin} role reaches {@code /admin}
 * @param maxFileBytes  the largest file accepted by {@code PUT /api/files/{name}}
 * @param readinessGrace how long a stopping server answers {@code /health} 503 while still serving, so that load
 *                      balancers stop sending before new connections are refused
 * @param latencyBuckets the upper bounds of the request-duration histogram's buckets: the service-level objectives
 *                      a Prometheus user computes quantiles and SLO ratios from
 */
public record WebSettings(String host, int port, long maxJsonBytes, JwtSettings jwt, Duration drainTimeout,
                          TenantId platform, long maxFileBytes, Duration readinessGrace, List<Duration> latencyBuckets) {

    public static final long ONE_MIB = 1024 * 1024;
    public static final long TEN_MIB = 10 * ONE_MIB;
    /** 5 ms to 10 s: where a tenant-scoped read, a write and a slow upload land. */
    public static final List<Duration> DEFAULT_LATENCY_BUCKETS = java.util.stream.Stream.of(5, 10, 25, 50, 100, 250, 500,
            1_000, 2_500, 5_000, 10_000).map(Duration::ofMillis).toList();

    public WebSettings {
        Objects.requireNonNull(host, "'host' must not be null");
        Objects.requireNonNull(jwt, "'jwt' must not be null");
        Objects.requireNonNull(drainTimeout, "'drainTimeout' must not be null");
        Objects.requireNonNull(platform, "'platform' must not be null");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("'port' must be 0..65535");
        }
        if (maxJsonBytes < 1 || maxFileBytes < 1) {
            throw new IllegalArgumentException("body limits must be positive");
        }
        Objects.requireNonNull(readinessGrace, "'readinessGrace' must not be null");
        if (readinessGrace.isNegative()) {
            throw new IllegalArgumentException("'readinessGrace' must not be negative");
        }
        latencyBuckets = List.copyOf(latencyBuckets);
        if (latencyBuckets.isEmpty() || latencyBuckets.stream().anyMatch(bound -> bound.isNegative() || bound.isZero())) {
            throw new IllegalArgumentException("'latencyBuckets' must be one or more positive durations");
        }
    }

    /** With the default latency buckets. */
    public WebSettings(String host, int port, long maxJsonBytes, JwtSettings jwt, Duration drainTimeout,
                       TenantId platform, long maxFileBytes, Duration readinessGrace) {
        this(host, port, maxJsonBytes, jwt, drainTimeout, platform, maxFileBytes, readinessGrace, DEFAULT_LATENCY_BUCKETS);
    }

    /** Without a readiness grace: a stop refuses new connections at once. */
    public WebSettings(String host, int port, long maxJsonBytes, JwtSettings jwt, Duration drainTimeout,
                       TenantId platform, long maxFileBytes) {
        this(host, port, maxJsonBytes, jwt, drainTimeout, platform, maxFileBytes, Duration.ZERO);
    }
}
