package io.tenantry.adapters.persistence.postgres;

import io.tenantry.application.contract.OrderRepositoryContract;
import io.tenantry.application.contract.PersistenceFixture;

/** The OrderRepository contract on PostgreSQL, isolation mode RLS_ONLY. */
class RlsOnlyOrderRepositoryTest extends OrderRepositoryContract {

    @Override
    protected PersistenceFixture fixture() {
        return PostgresFixture.shared(PostgresFixture.Mode.RLS_ONLY);
    }
}
