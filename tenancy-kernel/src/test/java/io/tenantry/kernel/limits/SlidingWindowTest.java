package io.tenantry.kernel.limits;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlidingWindowTest {

    private static final Budget TEN_PER_MINUTE = Budget.perMinute(10);

    @Test
    void aFreshWindowAdmitsExactlyTheBudget() {
        assertTrue(SlidingWindow.admits(TEN_PER_MINUTE, 0, 9, 0));
        assertFalse(SlidingWindow.admits(TEN_PER_MINUTE, 0, 10, 0));
    }

    @Test
    void thePreviousWindowWeighsByItsOverlap() {
        assertEquals(5.0, SlidingWindow.estimate(TEN_PER_MINUTE, 30_000, 0, 10), 1e-9);
        assertTrue(SlidingWindow.admits(TEN_PER_MINUTE, 30_000, 4, 10));
        assertFalse(SlidingWindow.admits(TEN_PER_MINUTE, 30_000, 5, 10));
        assertTrue(SlidingWindow.admits(TEN_PER_MINUTE, 59_999, 8, 10), "almost all of the old window has slid out");
        assertFalse(SlidingWindow.admits(TEN_PER_MINUTE, 59_999, 9, 10), "but not all of it");
    }

    @Test
    void anAllowedDecisionCountsDownAndResetsAtTheWindowEnd() {
        RateLimitDecision decision = SlidingWindow.decision(TEN_PER_MINUTE, true, 15_000, 3, 0);
        RateLimitDecision.Allowed allowed = assertInstanceOf(RateLimitDecision.Allowed.class, decision);
        assertEquals(10, allowed.limit());
        assertEquals(7, allowed.remaining());
        assertEquals(Duration.ofSeconds(45), allowed.resetAfter());
    }

    @Test
    void aRefusalSaysWhenOneMoreRequestWillFit() {
        RateLimitDecision.Limited full = assertInstanceOf(RateLimitDecision.Limited.class,
                SlidingWindow.decision(TEN_PER_MINUTE, false, 20_000, 10, 0));
        assertEquals(Duration.ofSeconds(40 + 6), full.retryAfter(), "next window, then 1/10 of it must pass");
        assertTrue(SlidingWindow.admits(TEN_PER_MINUTE, 6_000, 0, 10));
        assertFalse(SlidingWindow.admits(TEN_PER_MINUTE, 5_999, 0, 10));

        RateLimitDecision.Limited sliding = assertInstanceOf(RateLimitDecision.Limited.class,
                SlidingWindow.decision(TEN_PER_MINUTE, false, 30_000, 5, 10));
        long wait = sliding.retryAfter().toMillis();
        assertTrue(SlidingWindow.admits(TEN_PER_MINUTE, 30_000 + wait, 5, 10), "admitted after the wait");
        assertFalse(SlidingWindow.admits(TEN_PER_MINUTE, 30_000 + wait - 10, 5, 10), "and not much before");
    }
}
