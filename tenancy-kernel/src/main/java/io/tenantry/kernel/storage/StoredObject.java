package io.tenantry.kernel.storage;

import java.util.Objects;

/**
 * What is known about a stored object without reading it.
 *
 * @param name        the object's name within its tenant
 * @param size        its length in bytes
 * @param contentType its media type as given when it was put
 * @param etag        a strong validator that changes whenever the content changes
 */
public record StoredObject(String name, long size, String contentType, String etag) {

    public StoredObject {
        Objects.requireNonNull(name, "'name' must not be null");
        Objects.requireNonNull(contentType, "'contentType' must not be null");
        Objects.requireNonNull(etag, "'etag' must not be null");
        if (size < 0) {
            throw new IllegalArgumentException("'size' must not be negative");
        }
    }
}
