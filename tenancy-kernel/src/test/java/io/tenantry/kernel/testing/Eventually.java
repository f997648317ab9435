package io.tenantry.kernel.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for something that becomes true later (a breaker that opens, a cached answer that expires), polling
 * every 20 ms and failing with {@code what} once {@code limit} has passed. For conditions, not for timing.
 */
public final class Eventually {

    private Eventually() {
    }

    /** Returns once {@code condition} holds; fails after {@code limit}. */
    public static void until(String what, Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within " + limit);
            }
            pause();
        }
    }

    /** The first of {@code value}'s answers that {@code done} accepts; fails after {@code limit} with the last one. */
    public static <T> T value(Duration limit, Supplier<T> value, java.util.function.Predicate<T> done) {
        long deadline = System.nanoTime() + limit.toNanos();
        T answer = value.get();
        while (!done.test(answer)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still " + answer + " after " + limit);
            }
            pause();
            answer = value.get();
        }
        return answer;
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
