package io.tenantry.application.contract;

import io.tenantry.application.idempotency.Claim;
import io.tenantry.application.idempotency.IdempotencyKey;
import io.tenantry.application.idempotency.IdempotencyStore;
import io.tenantry.application.idempotency.StoredResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static io.tenantry.kernel.testing.TwoTenants.MEMBER_A;
import static io.tenantry.kernel.testing.TwoTenants.MEMBER_B;
import static io.tenantry.kernel.testing.TwoTenants.OWNER_A;
import static io.tenantry.kernel.testing.TwoTenants.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** What every {@link IdempotencyStore} must do, run against each adapter. */
public abstract class IdempotencyStoreContract {

    private static final IdempotencyKey KEY = new IdempotencyKey("order-2026-11-26-001");
    private static final StoredResponse CREATED = new StoredResponse(201, "{\"id\":\"x\"}", Optional.of("/api/orders/x"));

    protected abstract PersistenceFixture fixture();

    /** A clock the tests move forward by hand. */
    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-11-26T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovableClock clock = new MovableClock();
    private IdempotencyStore store;

    @BeforeEach
    void freshStore() {
        fixture().reset();
        store = fixture().idempotency(clock, Duration.ofHours(24));
    }

    @Test
    void aKeyIsClaimedOnceThenInFlightThenReplayed() {
        assertInstanceOf(Claim.Claimed.class, as(MEMBER_A, () -> store.claim(KEY, "h1")));
        assertInstanceOf(Claim.InFlight.class, as(MEMBER_A, () -> store.claim(KEY, "h1")));
        as(MEMBER_A, () -> store.complete(KEY, CREATED));
        Claim replay = as(OWNER_A, () -> store.claim(KEY, "h1"));
        assertEquals(new Claim.Replay(CREATED), replay, "the same tenant replays, whoever of it asks");
    }

    @Test
    void aClaimAbandonedInFlightIsTakenOverByTheSameRequestAfterTheLease() {
        assertInstanceOf(Claim.Claimed.class, as(MEMBER_A, () -> store.claim(KEY, "h1")));
        clock.now = clock.now.plus(IdempotencyStore.IN_FLIGHT_LEASE).minusSeconds(1);
        assertInstanceOf(Claim.InFlight.class, as(MEMBER_A, () -> store.claim(KEY, "h1")), "a live claim is kept");
        clock.now = clock.now.plusSeconds(2);
        assertInstanceOf(Claim.Mismatch.class, as(MEMBER_A, () -> store.claim(KEY, "h2")),
                "another body never takes it over");
        assertInstanceOf(Claim.Claimed.class, as(MEMBER_A, () -> store.claim(KEY, "h1")),
                "the retry of the same request takes over the abandoned claim");
        as(MEMBER_A, () -> store.complete(KEY, CREATED));
        clock.now = clock.now.plus(IdempotencyStore.IN_FLIGHT_LEASE).plusSeconds(1);
        assertEquals(new Claim.Replay(CREATED), as(MEMBER_A, () -> store.claim(KEY, "h1")),
                "a completed claim is replayed, never taken over");
    }

    @Test
    void aKeyReusedWithAnotherBodyIsAMismatch() {
        as(MEMBER_A, () -> store.claim(KEY, "h1"));
        assertInstanceOf(Claim.Mismatch.class, as(MEMBER_A, () -> store.claim(KEY, "h2")));
        as(MEMBER_A, () -> store.complete(KEY, CREATED));
        assertInstanceOf(Claim.Mismatch.class, as(MEMBER_A, () -> store.claim(KEY, "h2")));
    }

    @Test
    void keysArePerTenant() {
        as(MEMBER_A, () -> store.claim(KEY, "h1"));
        as(MEMBER_A, () -> store.complete(KEY, CREATED));
        assertInstanceOf(Claim.Claimed.class, as(MEMBER_B, () -> store.claim(KEY, "h1")),
                "tenant B must never see tenant A's response");
        assertInstanceOf(Claim.Replay.class, as(MEMBER_A, () -> store.claim(KEY, "h1")));
    }

    @Test
    void aResponseWithoutLocationReplaysWithoutLocation() {
        IdempotencyKey other = new IdempotencyKey("no-location");
        StoredResponse ok = new StoredResponse(200, "{}", Optional.empty());
        for (int i = 0; i < 8; i++) {
            IdempotencyKey key = new IdempotencyKey("no-location-" + i);
            as(MEMBER_A, () -> store.claim(key, "h"));
            as(MEMBER_A, () -> store.complete(key, ok));
            assertEquals(new Claim.Replay(ok), as(MEMBER_A, () -> store.claim(key, "h")));
        }
        assertInstanceOf(Claim.Claimed.class, as(MEMBER_A, () -> store.claim(other, "h")));
    }

    @Test
    void aReleasedClaimCanBeTakenAgain() {
        as(MEMBER_A, () -> store.claim(KEY, "h1"));
        as(MEMBER_A, () -> store.release(KEY));
        assertInstanceOf(Claim.Claimed.class, as(MEMBER_A, () -> store.claim(KEY, "h2")));
    }

    @Test
    void aCompletedKeyIsNotReleased() {
        as(MEMBER_A, () -> store.claim(KEY, "h1"));
        as(MEMBER_A, () -> store.complete(KEY, CREATED));
        as(MEMBER_A, () -> store.release(KEY));
        assertInstanceOf(Claim.Replay.class, as(MEMBER_A, () -> store.claim(KEY, "h1")));
    }

    @Test
    void anExpiredKeyCanBeClaimedAgain() {
        as(MEMBER_A, () -> store.claim(KEY, "h1"));
        as(MEMBER_A, () -> store.complete(KEY, CREATED));
        clock.now = clock.now.plus(Duration.ofHours(23));
        assertInstanceOf(Claim.Replay.class, as(MEMBER_A, () -> store.claim(KEY, "h1")));
        clock.now = clock.now.plus(Duration.ofHours(2));
        assertInstanceOf(Claim.Claimed.class, as(MEMBER_A, () -> store.claim(KEY, "h2")));
    }
}
