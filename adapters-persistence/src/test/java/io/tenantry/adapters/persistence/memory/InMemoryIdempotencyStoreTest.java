package io.tenantry.adapters.persistence.memory;

import io.tenantry.application.contract.IdempotencyStoreContract;
import io.tenantry.application.contract.PersistenceFixture;

class InMemoryIdempotencyStoreTest extends IdempotencyStoreContract {

    private final InMemoryFixture fixture = new InMemoryFixture();

    @Override
    protected PersistenceFixture fixture() {
        return fixture;
    }
}
