package io.tenantry.adapters.persistence.jdbi;

import io.tenantry.application.idempotency.Claim;
import io.tenantry.application.idempotency.IdempotencyKey;
import io.tenantry.application.idempotency.IdempotencyStore;
import io.tenantry.application.idempotency.StoredResponse;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Idempotency keys in PostgreSQL, per tenant. A claim is one atomic upsert, so two concurrent requests with the
 * same key cannot both run; a live claim costs a second read to tell replay, in-flight and mismatch apart.
 */
public final class JdbiIdempotencyStore implements IdempotencyStore {

    private final IdempotencyDao dao;
    private final Clock clock;
    private final Duration retention;

    public JdbiIdempotencyStore(Jdbi application, Clock clock, Duration retention) {
        application.registerRowMapper(ConstructorMapper.factory(IdempotencyDao.ClaimRow.class));
        this.dao = application.onDemand(IdempotencyDao.class);
        this.clock = clock;
        this.retention = retention;
    }

    @Override
    public Claim claim(IdempotencyKey key, String requestHash) {
        Instant now = clock.instant();
        if (take(key, requestHash, now)) {
            return new Claim.Claimed();
        }
        Optional<IdempotencyDao.ClaimRow> existing = dao.find(key.value());
        if (existing.isEmpty()) {
            // released between the two statements: try once more
            return take(key, requestHash, now) ? new Claim.Claimed() : new Claim.InFlight();
        }
        IdempotencyDao.ClaimRow row = existing.get();
        if (!row.requestHash().equals(requestHash)) {
            return new Claim.Mismatch();
        }
        if (row.status() == null) {
            return new Claim.InFlight();
        }
        return new Claim.Replay(new StoredResponse(row.status(), row.body(), Optional.ofNullable(row.location()).filter(location -> !location.isEmpty())));
    }

    private boolean take(IdempotencyKey key, String requestHash, Instant now) {
        return dao.claim(key.value(), requestHash, Columns.timestamp(now), Columns.timestamp(now.minus(retention)),
                Columns.timestamp(now.minus(IN_FLIGHT_LEASE))).isPresent();
    }

    @Override
    public void complete(IdempotencyKey key, StoredResponse response) {
        dao.complete(key.value(), response.status(), response.body(), response.location().orElse(""));
    }

    @Override
    public void release(IdempotencyKey key) {
        dao.release(key.value());
    }
}
