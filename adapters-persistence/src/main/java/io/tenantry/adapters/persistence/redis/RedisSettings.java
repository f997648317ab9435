package io.tenantry.adapters.persistence.redis;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach Redis and what to do while it cannot be reached.
 *
 * @param url               e.g. {@code redis://127.0.0.1:6379}
 * @param commandTimeout    the longest one command may take before it counts as failed (no retries): Redis is
 *                          on the hot path of every request, so tens of milliseconds
 * @param outageMode        what rate limits do while Redis is down
 * @param expectedInstances how many instances share the budgets: in {@link OutageMode#FAIL_OPEN_LOCAL} each enforces
 *                          its share, the budget divided by this
 */
public record RedisSettings(String url, Duration commandTimeout, OutageMode outageMode, int expectedInstances) {

    /** What rate limits do while Redis is down. */
    public enum OutageMode {
        /** Each instance decides alone with its share of every budget; no request fails because of Redis. */
        FAIL_OPEN_LOCAL,
        /** Every rate-limited request is answered 503 at once. */
        FAIL_CLOSED;

        /** {@code fail-open-local} or {@code fail-closed}. */
        public static OutageMode fromWireName(String name) {
            return switch (name) {
                case "fail-open-local" -> FAIL_OPEN_LOCAL;
                case "fail-closed" -> FAIL_CLOSED;
                default -> throw new IllegalArgumentException("the Redis outage mode is fail-open-local or fail-closed, not '" + name + "'");
            };
        }
    }

    public RedisSettings {
        Objects.requireNonNull(url, "'url' must not be null");
        Objects.requireNonNull(commandTimeout, "'commandTimeout' must not be null");
        Objects.requireNonNull(outageMode, "'outageMode' must not be null");
        if (commandTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("'commandTimeout' must be at least 1 ms");
        }
        if (expectedInstances < 1) {
            throw new IllegalArgumentException("'expectedInstances' must be positive");
        }
    }

    /** {@code url} with a 50 ms command timeout, failing open to local budgets on one instance. */
    public static RedisSettings of(String url) {
        return new RedisSettings(url, Duration.ofMillis(50), OutageMode.FAIL_OPEN_LOCAL, 1);
    }
}
