package io.tenantry.kernel.storage;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * Byte storage for the current tenant. Which implementation a tenant gets (local disk, S3) is decided per call by
 * a contextual provider, so business code injects this one interface and never learns where bytes go.
 */
public interface ObjectStorage {

    /** Stores {@code content} (read to its end, at most {@code maxBytes}) under {@code key}. */
    PutOutcome put(ObjectKey key, InputStream content, String contentType, long maxBytes);

    Optional<ObjectContent> get(ObjectKey key);

    /** The current tenant's objects, by name. */
    List<StoredObject> list();

    /** Whether something was deleted. */
    boolean delete(ObjectKey key);
}
