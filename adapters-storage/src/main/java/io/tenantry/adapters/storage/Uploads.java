package io.tenantry.adapters.storage;

import io.tenantry.kernel.storage.ObjectTooLarge;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** What every backend does with an upload: copy it up to a limit and name its content by SHA-256 (the ETag). */
final class Uploads {

    /** The copy buffer: the only memory an upload holds, whatever its size. */
    static final int BUFFER_BYTES = 64 * 1024;

    private Uploads() {
    }

    /** What a copy wrote: its length and its quoted SHA-256 ETag. */
    record Copied(long size, String etag) {
    }

    /** Copies {@code content} to {@code out}, refusing past {@code maxBytes}. */
    static Copied copyLimited(InputStream content, OutputStream out, long maxBytes) throws IOException {
        MessageDigest sha256 = sha256();
        byte[] buffer = new byte[BUFFER_BYTES];
        long total = 0;
        int read;
        while ((read = content.read(buffer)) >= 0) {
            total += read;
            if (total > maxBytes) {
                throw new ObjectTooLarge(maxBytes);
            }
            sha256.update(buffer, 0, read);
            out.write(buffer, 0, read);
        }
        return new Copied(total, "\"" + HexFormat.of().formatHex(sha256.digest()) + "\"");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
