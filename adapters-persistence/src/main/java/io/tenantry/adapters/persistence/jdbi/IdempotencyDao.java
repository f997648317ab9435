package io.tenantry.adapters.persistence.jdbi;

import io.tenantry.kernel.policy.TenantScoped;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.OffsetDateTime;
import java.util.Optional;

/** SQL for idempotency keys; every statement is tenant-bound. */
@TenantScoped
@BindCurrentTenant
interface IdempotencyDao {

    /**
     * Takes a free or expired key, or one whose claim by the same request was abandoned in flight; returns the key
     * when taken, nothing when a live claim holds it.
     */
    @SqlQuery("""
            INSERT INTO idempotency_keys (tenant_id, key, request_hash, claimed_at)
            VALUES (:tenantId, :key, :hash, :now)
            ON CONFLICT (tenant_id, key) DO UPDATE
              SET request_hash = EXCLUDED.request_hash, claimed_at = EXCLUDED.claimed_at,
                  status = NULL, body = NULL, location = NULL
              WHERE idempotency_keys.claimed_at < :expiredBefore
                 OR (idempotency_keys.status IS NULL AND idempotency_keys.request_hash = EXCLUDED.request_hash
                     AND idempotency_keys.claimed_at < :abandonedBefore)
            RETURNING key""")
    Optional<String> claim(@Bind("key") String key, @Bind("hash") String hash, @Bind("now") OffsetDateTime now,
                           @Bind("expiredBefore") OffsetDateTime expiredBefore,
                           @Bind("abandonedBefore") OffsetDateTime abandonedBefore);

    @SqlQuery("""
            SELECT request_hash, status, body, location FROM idempotency_keys
            WHERE tenant_id = :tenantId AND key = :key""")
    Optional<ClaimRow> find(@Bind("key") String key);

    @SqlUpdate("""
            UPDATE idempotency_keys SET status = :status, body = :body, location = :location
            WHERE tenant_id = :tenantId AND key = :key""")
    int complete(@Bind("key") String key, @Bind("status") int status, @Bind("body") String body,
                 @Bind("location") String location);

    @SqlUpdate("DELETE FROM idempotency_keys WHERE tenant_id = :tenantId AND key = :key AND status IS NULL")
    int release(@Bind("key") String key);

    /** A stored claim. */
    record ClaimRow(String requestHash, Integer status, String body, String location) {
    }
}
