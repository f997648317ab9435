package io.tenantry.adapters.web.http;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecentTest {

    @Test
    void manyCallersWithinTheAgeShareOneComputation() throws InterruptedException {
        AtomicInteger computations = new AtomicInteger();
        Recent<Integer> recent = new Recent<>(computations::incrementAndGet, Duration.ofMinutes(1));
        List<Thread> callers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            callers.add(Thread.ofVirtual().start(() -> assertEquals(1, recent.get())));
        }
        for (Thread caller : callers) {
            caller.join();
        }
        assertEquals(1, computations.get());
    }

    @Test
    void anAnswerOlderThanTheAgeIsComputedAgain() throws InterruptedException {
        AtomicInteger computations = new AtomicInteger();
        Recent<Integer> recent = new Recent<>(computations::incrementAndGet, Duration.ofMillis(20));
        assertEquals(1, recent.get());
        Thread.sleep(40);
        assertTrue(recent.get() >= 2, "recomputed after its age");
    }
}
