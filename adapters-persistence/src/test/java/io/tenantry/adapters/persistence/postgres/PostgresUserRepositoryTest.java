package io.tenantry.adapters.persistence.postgres;

import io.tenantry.application.contract.UserRepositoryContract;
import io.tenantry.application.contract.PersistenceFixture;

/** The UserRepository contract on PostgreSQL, isolation mode BOTH. */
class PostgresUserRepositoryTest extends UserRepositoryContract {

    @Override
    protected PersistenceFixture fixture() {
        return PostgresFixture.shared(PostgresFixture.Mode.BOTH);
    }
}
