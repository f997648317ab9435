package io.tenantry.bootstrap;

import io.tenantry.application.contract.OrderRepositoryContract;
import io.tenantry.application.contract.PersistenceFixture;

/** The OrderRepository contract through the container, tenant A on a database of its own, B on the shared one. */
class DedicatedOrderRepositoryTest extends OrderRepositoryContract {

    @Override
    protected PersistenceFixture fixture() {
        return DedicatedFixture.get();
    }
}
