package io.tenantry.application.idempotency;

/**
 * Remembers, per tenant, which idempotency keys were used, with what request and what response, so that a retried
 * request is answered with the original response instead of running twice. Keys expire after a retention period.
 */
public interface IdempotencyStore {

    /**
     * How long a claim may stay in flight (its request neither completed nor released it) before a retry of the same
     * request may take it over: the request died, or failed while the database was unreachable and could not release
     * it. Longer than any request can run (checkout deadline plus statement timeouts), so a live request keeps its
     * claim; and taking over cannot place twice, since placing completes the claim only while it is in flight.
     */
    java.time.Duration IN_FLIGHT_LEASE = java.time.Duration.ofMinutes(1);

    /** Tries to take {@code key} for a request whose canonical body hashes to {@code requestHash}. */
    Claim claim(IdempotencyKey key, String requestHash);

    /** Stores the response of the request that claimed {@code key}. */
    void complete(IdempotencyKey key, StoredResponse response);

    /** Gives up a claim whose request failed, so a retry can run. */
    void release(IdempotencyKey key);
}
