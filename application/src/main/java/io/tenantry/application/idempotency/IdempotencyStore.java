package io.tenantry.application.idempotency;

/**
 * Remembers, per tenant, which idempotency keys were used, with what request and what response, so that a retried
 * request is answered with the original response instead of running twice. Keys expire after a retention period.
 */
public interface IdempotencyStore {

    /** Tries to take {@code key} for a request whose canonical body hashes to {@code requestHash}. */
    Claim claim(IdempotencyKey key, String requestHash);

    /** Stores the response of the request that claimed {@code key}. */
    void complete(IdempotencyKey key, StoredResponse response);

    /** Gives up a claim whose request failed, so a retry can run. */
    void release(IdempotencyKey key);
}
