package io.tenantry.adapters.web;

import io.tenantry.adapters.web.auth.JwtSettings;
import io.tenantry.kernel.context.TenantId;

import java.time.Duration;
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
 */
public record WebSettings(String host, int port, long maxJsonBytes, JwtSettings jwt, Duration drainTimeout,
                          TenantId platform, long maxFileBytes, Duration readinessGrace) {

    public static final long ONE_MIB = 1024 * 1024;
    public static final long TEN_MIB = 10 * ONE_MIB;

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
    }

    /** Without a readiness grace: a stop refuses new connections at once. */
    public WebSettings(String host, int port, long maxJsonBytes, JwtSettings jwt, Duration drainTimeout,
                       TenantId platform, long maxFileBytes) {
        this(host, port, maxJsonBytes, jwt, drainTimeout, platform, maxFileBytes, Duration.ZERO);
    }
}
