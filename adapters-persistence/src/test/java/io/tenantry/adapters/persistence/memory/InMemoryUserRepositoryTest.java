package io.tenantry.adapters.persistence.memory;

import io.tenantry.application.contract.UserRepositoryContract;
import io.tenantry.application.contract.PersistenceFixture;

class InMemoryUserRepositoryTest extends UserRepositoryContract {

    private final InMemoryFixture fixture = new InMemoryFixture();

    @Override
    protected PersistenceFixture fixture() {
        return fixture;
    }
}
