package io.tenantry.application.file;

/**
 * How much one tenant may keep in storage.
 *
 * @param maxBytes the bytes of all its files together
 * @param maxFiles how many files
 */
public record StorageQuota(long maxBytes, long maxFiles) {

    public StorageQuota {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("'maxBytes' must not be negative");
        }
        if (maxFiles < 0) {
            throw new IllegalArgumentException("'maxFiles' must not be negative");
        }
    }
}
