package io.tenantry.kernel.storage;

import java.io.InputStream;
import java.util.Optional;

/**
 * Byte storage for the current tenant. Which implementation a tenant gets (local disk, S3) is decided per call by
 * a contextual provider, so business code injects this one interface and never learns where bytes go.
 */
public interface ObjectStorage {

    /** Stores {@code content} (read to its end, at most {@code maxBytes}) under {@code key}. */
    PutOutcome put(ObjectKey key, InputStream content, String contentType, long maxBytes);

    Optional<ObjectContent> get(ObjectKey key);

    /** What is known about the object at {@code key} without reading it, if there is one. */
    Optional<StoredObject> stat(ObjectKey key);

    /**
     * Up to {@code limit} (1..{@link ObjectPage#MAX_LIMIT}) of the current tenant's objects whose names sort after
     * {@code after}, in ascending name order, from the backend's listing alone: no call per object.
     */
    ObjectPage list(Optional<String> after, int limit);

    /** Whether something was deleted. */
    boolean delete(ObjectKey key);
}
