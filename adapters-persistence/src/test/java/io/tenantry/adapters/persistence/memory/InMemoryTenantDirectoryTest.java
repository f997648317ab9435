package io.tenantry.adapters.persistence.memory;

import io.tenantry.application.contract.TenantDirectoryContract;
import io.tenantry.application.contract.PersistenceFixture;

class InMemoryTenantDirectoryTest extends TenantDirectoryContract {

    private final InMemoryFixture fixture = new InMemoryFixture();

    @Override
    protected PersistenceFixture fixture() {
        return fixture;
    }
}
