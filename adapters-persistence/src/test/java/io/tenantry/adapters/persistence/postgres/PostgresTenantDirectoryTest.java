package io.tenantry.adapters.persistence.postgres;

import io.tenantry.application.contract.TenantDirectoryContract;
import io.tenantry.application.contract.PersistenceFixture;

/** The TenantDirectory contract on PostgreSQL, isolation mode BOTH. */
class PostgresTenantDirectoryTest extends TenantDirectoryContract {

    @Override
    protected PersistenceFixture fixture() {
        return PostgresFixture.shared(PostgresFixture.Mode.BOTH);
    }
}
