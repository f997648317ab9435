package io.tenantry.kernel.storage;

import java.util.Objects;

/**
 * An object as a listing shows it: what every backend's listing gives without opening or asking about each object
 * (an S3 listing carries key and size, not the content type or the metadata that holds the SHA-256 ETag).
 *
 * @param name the object's name within its tenant
 * @param size its length in bytes
 */
public record ListedObject(String name, long size) {

    public ListedObject {
        Objects.requireNonNull(name, "'name' must not be null");
        if (size < 0) {
            throw new IllegalArgumentException("'size' must not be negative");
        }
    }
}
