package io.tenantry.adapters.persistence.postgres;

import io.tenantry.application.contract.UserRepositoryContract;
import io.tenantry.application.contract.PersistenceFixture;

/** The UserRepository contract on PostgreSQL, isolation mode RLS_ONLY. */
class RlsOnlyUserRepositoryTest extends UserRepositoryContract {

    @Override
    protected PersistenceFixture fixture() {
        return PostgresFixture.shared(PostgresFixture.Mode.RLS_ONLY);
    }
}
