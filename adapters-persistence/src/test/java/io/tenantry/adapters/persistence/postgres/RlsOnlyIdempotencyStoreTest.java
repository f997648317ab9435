package io.tenantry.adapters.persistence.postgres;

import io.tenantry.application.contract.IdempotencyStoreContract;
import io.tenantry.application.contract.PersistenceFixture;

/** The IdempotencyStore contract on PostgreSQL, isolation mode RLS_ONLY. */
class RlsOnlyIdempotencyStoreTest extends IdempotencyStoreContract {

    @Override
    protected PersistenceFixture fixture() {
        return PostgresFixture.shared(PostgresFixture.Mode.RLS_ONLY);
    }
}
