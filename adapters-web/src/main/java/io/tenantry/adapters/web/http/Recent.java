package io.tenantry.adapters.web.http;

import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A value computed at most once per {@code maxAge}, however many callers ask: for open endpoints such as
 * {@code /health} and {@code /metrics}, whose cost a flood of anonymous requests must not multiply. Callers that
 * arrive while it is being computed wait for that one computation instead of starting their own.
 */
public final class Recent<T> {

    private record Stamped<T>(T value, long at) {
    }

    private final Supplier<T> compute;
    private final long maxAgeNanos;
    private final ReentrantLock computing = new ReentrantLock();
    private volatile Stamped<T> last;

    public Recent(Supplier<T> compute, Duration maxAge) {
        this.compute = compute;
        this.maxAgeNanos = maxAge.toNanos();
    }

    public T get() {
        Stamped<T> seen = last;
        if (fresh(seen)) {
            return seen.value();
        }
        computing.lock();
        try {
            seen = last;
            if (!fresh(seen)) {
                seen = new Stamped<>(compute.get(), System.nanoTime());
                last = seen;
            }
            return seen.value();
        } finally {
            computing.unlock();
        }
    }

    private boolean fresh(Stamped<T> seen) {
        return seen != null && System.nanoTime() - seen.at() < maxAgeNanos;
    }
}
