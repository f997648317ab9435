package io.tenantry.kernel.storage;

/** Whether a put created a new object or replaced one, which the API answers with 201 or 200. */
public sealed interface PutOutcome {

    StoredObject object();

    record Created(StoredObject object) implements PutOutcome {
    }

    record Replaced(StoredObject object) implements PutOutcome {
    }
}
