package io.tenantry.adapters.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An upload copied to a temporary file as it arrives, so that its length and SHA-256 are known before anything is
 * sent to S3. Deleting the file is closing this.
 *
 * <p>Why a file and not a stream straight to S3: the ETag is the SHA-256 of the content, and S3 takes an object's
 * metadata in the request headers, before the body. Streaming straight through would leave the digest to a second
 * write (a copy onto itself with new metadata), and until then the object would be visible without its ETag, or,
 * with a staging key, leave staging objects behind whenever the process dies in between. A spool keeps memory to
 * one copy buffer per upload, checks the size limit before S3 sees a byte (so a refused upload stores nothing and
 * leaves no multipart upload to abort), and lets the SDK resend a part from the file when it retries. Disk use is
 * bounded by the file size limit times the number of uploads in flight, which the application bounds.
 *
 * @param file the spooled bytes
 * @param size their length
 * @param etag their quoted SHA-256
 */
record Spooled(Path file, long size, String etag) implements AutoCloseable {

    static Spooled of(InputStream content, long maxBytes, Path directory) throws IOException {
        Files.createDirectories(directory);
        Path file = Files.createTempFile(directory, "upload-", ".spool");
        try (OutputStream out = Files.newOutputStream(file)) {
            Uploads.Copied copied = Uploads.copyLimited(content, out, maxBytes);
            return new Spooled(file, copied.size(), copied.etag());
        } catch (IOException | RuntimeException failure) {
            Files.deleteIfExists(file);
            throw failure;
        }
    }

    /** The ETag without its quotes, as kept in the object's metadata. */
    String sha256() {
        return etag.substring(1, etag.length() - 1);
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the spool file " + file, e);
        }
    }
}
