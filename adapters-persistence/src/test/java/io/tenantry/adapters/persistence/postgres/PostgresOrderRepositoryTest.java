package io.tenantry.adapters.persistence.postgres;

import io.tenantry.application.contract.OrderRepositoryContract;
import io.tenantry.application.contract.PersistenceFixture;

/** The OrderRepository contract on PostgreSQL, isolation mode BOTH. */
class PostgresOrderRepositoryTest extends OrderRepositoryContract {

    @Override
    protected PersistenceFixture fixture() {
        return PostgresFixture.shared(PostgresFixture.Mode.BOTH);
    }
}
