package io.tenantry.application.idempotency;

/** What {@link IdempotencyStore#claim} found. */
public sealed interface Claim {

    /** The key was free (or expired): this request runs and must complete or release it. */
    record Claimed() implements Claim {
    }

    /** The same key is being processed by another request right now. */
    record InFlight() implements Claim {
    }

    /** The key was used for the same request: answer with its response. */
    record Replay(StoredResponse response) implements Claim {
    }

    /** The key was used for a different request body. */
    record Mismatch() implements Claim {
    }
}
