package io.tenantry.kernel.limits;

import java.time.Duration;
import java.util.Objects;

/**
 * How many requests fit in a sliding window.
 *
 * @param permits requests allowed per window, at least 1
 * @param window  the window length, at least one second
 */
public record Budget(long permits, Duration window) {

    public Budget {
        Objects.requireNonNull(window, "'window' must not be null");
        if (permits < 1) {
            throw new IllegalArgumentException("'permits' must be positive");
        }
        if (window.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("'window' must be at least one second");
        }
    }

    public static Budget perMinute(long permits) {
        return new Budget(permits, Duration.ofMinutes(1));
    }
}
