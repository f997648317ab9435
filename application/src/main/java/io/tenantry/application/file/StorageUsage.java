package io.tenantry.application.file;

/**
 * What a tenant keeps in storage.
 *
 * @param bytes the bytes of all its files
 * @param files how many files
 */
public record StorageUsage(long bytes, long files) {
}
