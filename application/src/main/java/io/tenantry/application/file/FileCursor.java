package io.tenantry.application.file;

import io.tenantry.kernel.storage.ObjectKey;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Where a page of files ends: the name of its last file. Opaque to clients (base64url), and only what
 * {@link #encode()} could have produced decodes, so a forged cursor is a bad parameter, never "start over".
 *
 * @param after the name of the previous page's last file
 */
public record FileCursor(String after) {

    public FileCursor {
        if (!ObjectKey.isValidName(after)) {
            throw new IllegalArgumentException("'after' must be an object name");
        }
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(after.getBytes(StandardCharsets.US_ASCII));
    }

    public static Optional<FileCursor> decode(String encoded) {
        if (encoded == null || encoded.length() > 200) {
            return Optional.empty();
        }
        try {
            String name = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.US_ASCII);
            if (!ObjectKey.isValidName(name)) {
                return Optional.empty();
            }
            FileCursor cursor = new FileCursor(name);
            return cursor.encode().equals(encoded) ? Optional.of(cursor) : Optional.empty();
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}
