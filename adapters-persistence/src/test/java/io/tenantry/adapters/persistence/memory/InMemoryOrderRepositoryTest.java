package io.tenantry.adapters.persistence.memory;

import io.tenantry.application.contract.OrderRepositoryContract;
import io.tenantry.application.contract.PersistenceFixture;

class InMemoryOrderRepositoryTest extends OrderRepositoryContract {

    private final InMemoryFixture fixture = new InMemoryFixture();

    @Override
    protected PersistenceFixture fixture() {
        return fixture;
    }
}
