package io.tenantry.adapters.persistence.postgres;

import io.tenantry.application.contract.OrderRepositoryContract;
import io.tenantry.application.contract.PersistenceFixture;

/** The OrderRepository contract on PostgreSQL, isolation mode FILTER_ONLY. */
class FilterOnlyOrderRepositoryTest extends OrderRepositoryContract {

    @Override
    protected PersistenceFixture fixture() {
        return PostgresFixture.shared(PostgresFixture.Mode.FILTER_ONLY);
    }
}
