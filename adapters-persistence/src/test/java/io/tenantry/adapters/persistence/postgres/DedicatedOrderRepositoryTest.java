package io.tenantry.adapters.persistence.postgres;

import io.tenantry.application.contract.OrderRepositoryContract;
import io.tenantry.application.contract.PersistenceFixture;

/** The OrderRepository contract with tenant A on a database of its own and tenant B on the shared one. */
class DedicatedOrderRepositoryTest extends OrderRepositoryContract {

    @Override
    protected PersistenceFixture fixture() {
        return DedicatedFixture.get();
    }
}
