package io.tenantry.application.file;

import io.tenantry.kernel.storage.ObjectKey;

import java.io.InputStream;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Store one file of the current tenant.
 *
 * @param key            where, in the current tenant's folder
 * @param content        the bytes, read to their end once
 * @param contentType    the media type to serve the file with
 * @param declaredLength the length the client announced (Content-Length), if it did: a longer one is refused
 *                       before a byte is read
 */
public record StoreFileCommand(ObjectKey key, InputStream content, String contentType, OptionalLong declaredLength) {

    public StoreFileCommand {
        Objects.requireNonNull(key, "'key' must not be null");
        Objects.requireNonNull(content, "'content' must not be null");
        Objects.requireNonNull(contentType, "'contentType' must not be null");
        Objects.requireNonNull(declaredLength, "'declaredLength' must not be null");
        if (declaredLength.isPresent() && declaredLength.getAsLong() < 0) {
            throw new IllegalArgumentException("'declaredLength' must not be negative");
        }
    }
}
