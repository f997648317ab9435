package io.tenantry.adapters.persistence.postgres;

import io.tenantry.application.contract.UserRepositoryContract;
import io.tenantry.application.contract.PersistenceFixture;

/** The UserRepository contract with tenant A on a database of its own and tenant B on the shared one. */
class DedicatedUserRepositoryTest extends UserRepositoryContract {

    @Override
    protected PersistenceFixture fixture() {
        return DedicatedFixture.get();
    }
}
