package io.tenantry.kernel.limits;

import java.time.Duration;

/** What a {@link RateLimiter} decided for one request, with what the response headers need. */
public sealed interface RateLimitDecision {

    long limit();

    long remaining();

    /** Time until the oldest counted request leaves the window. */
    Duration resetAfter();

    default boolean allowed() {
        return this instanceof Allowed;
    }

    /** Counted; {@code remaining} more fit in the window now. */
    record Allowed(long limit, long remaining, Duration resetAfter) implements RateLimitDecision {
        public Allowed {
            if (limit < 1 || remaining < 0 || remaining >= limit || resetAfter.isNegative()) {
                throw new IllegalArgumentException("inconsistent allowance: limit " + limit + ", remaining " + remaining);
            }
        }
    }

    /** Not counted; the client may retry after {@code retryAfter}. */
    record Limited(long limit, Duration resetAfter, Duration retryAfter) implements RateLimitDecision {
        public Limited {
            if (limit < 1 || resetAfter.isNegative() || retryAfter.isNegative()) {
                throw new IllegalArgumentException("inconsistent limitation: limit " + limit);
            }
        }

        @Override
        public long remaining() {
            return 0;
        }
    }
}
