package io.tenantry.adapters.persistence.postgres;

import io.tenantry.application.contract.AuditLogContract;
import io.tenantry.application.contract.PersistenceFixture;

/** The AuditLog contract on PostgreSQL, isolation mode BOTH. */
class PostgresAuditLogTest extends AuditLogContract {

    @Override
    protected PersistenceFixture fixture() {
        return PostgresFixture.shared(PostgresFixture.Mode.BOTH);
    }
}
