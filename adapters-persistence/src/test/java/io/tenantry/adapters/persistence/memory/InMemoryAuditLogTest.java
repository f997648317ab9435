package io.tenantry.adapters.persistence.memory;

import io.tenantry.application.contract.AuditLogContract;
import io.tenantry.application.contract.PersistenceFixture;

class InMemoryAuditLogTest extends AuditLogContract {

    private final InMemoryFixture fixture = new InMemoryFixture();

    @Override
    protected PersistenceFixture fixture() {
        return fixture;
    }
}
