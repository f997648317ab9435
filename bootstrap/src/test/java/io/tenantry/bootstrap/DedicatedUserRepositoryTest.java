package io.tenantry.bootstrap;

import io.tenantry.application.contract.PersistenceFixture;
import io.tenantry.application.contract.UserRepositoryContract;

/** The UserRepository contract through the container, tenant A on a database of its own, B on the shared one. */
class DedicatedUserRepositoryTest extends UserRepositoryContract {

    @Override
    protected PersistenceFixture fixture() {
        return DedicatedFixture.get();
    }
}
