package io.tenantry.kernel.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/** An open stored object; the caller closes it. */
public record ObjectContent(StoredObject metadata, InputStream body) implements AutoCloseable {

    public ObjectContent {
        Objects.requireNonNull(metadata, "'metadata' must not be null");
        Objects.requireNonNull(body, "'body' must not be null");
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
