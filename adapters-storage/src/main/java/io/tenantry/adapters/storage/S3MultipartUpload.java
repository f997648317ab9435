package io.tenantry.adapters.storage;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A spooled upload sent to S3 in parts. Each part is a request of its own that the SDK can resend from the spool
 * file, so a failure late in a large upload costs one part, not the whole object. Any failure aborts the upload:
 * S3 keeps (and bills) the parts of an unfinished multipart upload until it is aborted, and they appear in no
 * listing.
 */
final class S3MultipartUpload {

    /** S3's smallest part (every part but the last must be at least this long). */
    static final long PART_BYTES = 5L * 1024 * 1024;

    private final S3Client s3;
    private final String bucket;
    private final String key;

    S3MultipartUpload(S3Client s3, String bucket, String key) {
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
    }

    /** Uploads {@code spooled} with {@code metadata}; the object appears only once every part is in. */
    void send(Spooled spooled, String contentType, Map<String, String> metadata) {
        String uploadId = s3.createMultipartUpload(request -> request.bucket(bucket).key(key).contentType(contentType)
                .metadata(metadata)).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            int number = 1;
            for (long offset = 0; offset < spooled.size(); offset += PART_BYTES, number++) {
                parts.add(part(uploadId, number, spooled, offset, Math.min(PART_BYTES, spooled.size() - offset)));
            }
            s3.completeMultipartUpload(request -> request.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(upload -> upload.parts(parts)));
        } catch (RuntimeException failure) {
            try {
                s3.abortMultipartUpload(request -> request.bucket(bucket).key(key).uploadId(uploadId));
            } catch (RuntimeException abortFailed) {
                failure.addSuppressed(abortFailed);
            }
            throw failure;
        }
    }

    private CompletedPart part(String uploadId, int number, Spooled spooled, long offset, long length) {
        RequestBody body = RequestBody.fromContentProvider(() -> {
            try {
                return new FilePart(spooled.file(), offset, length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, length, "application/octet-stream");
        String etag = s3.uploadPart(request -> request.bucket(bucket).key(key).uploadId(uploadId).partNumber(number)
                .contentLength(length), body).eTag();
        return CompletedPart.builder().partNumber(number).eTag(etag).build();
    }
}
