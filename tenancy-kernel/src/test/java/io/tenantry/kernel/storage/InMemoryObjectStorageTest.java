package io.tenantry.kernel.storage;

import io.tenantry.kernel.testing.InMemoryObjectStorage;
import io.tenantry.kernel.testing.ObjectStorageContract;

/** The in-memory storage the application's tests use keeps the same contract as the real adapters. */
class InMemoryObjectStorageTest extends ObjectStorageContract {

    @Override
    protected ObjectStorage freshStorage() {
        return new InMemoryObjectStorage();
    }
}
