package io.tenantry.adapters.storage;

import io.tenantry.application.health.DependencyUnavailable;
import io.tenantry.kernel.storage.ListedObject;
import io.tenantry.kernel.storage.ObjectContent;
import io.tenantry.kernel.storage.ObjectKey;
import io.tenantry.kernel.storage.ObjectPage;
import io.tenantry.kernel.storage.ObjectStorage;
import io.tenantry.kernel.storage.PutOutcome;
import io.tenantry.kernel.storage.StoredObject;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Objects in an S3 bucket under {@code {prefix}tenants/{id}/{name}}: a shared bucket with a prefix per tenant, so the
 * tenant folder of {@link ObjectKey} is also the S3 key's. The ETag is the SHA-256 of the content (kept in the
 * object's metadata), the same as on local disk, so moving a tenant between backends changes no client's caches.
 *
 * <p>An upload is never held in memory: it is spooled to a file in the spool directory ({@link Spooled} says why),
 * then sent from that file, in one request up to {@link S3MultipartUpload#PART_BYTES} and as a multipart upload
 * (aborted on failure) above.
 */
public final class S3ObjectStorage implements ObjectStorage {

    private static final String SHA256 = "sha256";

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final Path spool;

    /** @param spool where uploads wait, one file each, until they are sent */
    public S3ObjectStorage(S3Client s3, String bucket, String prefix, Path spool) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix;
        this.spool = spool;
    }

    @Override
    public PutOutcome put(ObjectKey key, InputStream content, String contentType, long maxBytes) {
        try (Spooled spooled = Spooled.of(content, maxBytes, spool)) {
            return call(() -> {
                boolean existed = head(key).isPresent();
                send(s3Key(key), contentType, spooled);
                StoredObject stored = new StoredObject(key.name(), spooled.size(), contentType, spooled.etag());
                return existed ? new PutOutcome.Replaced(stored) : new PutOutcome.Created(stored);
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not spool an upload to " + key, e);
        }
    }

    private void send(String s3Key, String contentType, Spooled spooled) {
        Map<String, String> metadata = Map.of(SHA256, spooled.sha256());
        if (spooled.size() <= S3MultipartUpload.PART_BYTES) {
            s3.putObject(request -> request.bucket(bucket).key(s3Key).contentType(contentType).metadata(metadata),
                    RequestBody.fromFile(spooled.file()));
        } else {
            new S3MultipartUpload(s3, bucket, s3Key).send(spooled, contentType, metadata);
        }
    }

    @Override
    public Optional<ObjectContent> get(ObjectKey key) {
        return call(() -> {
            try {
                ResponseInputStream<GetObjectResponse> body = s3.getObject(request -> request.bucket(bucket).key(s3Key(key)));
                GetObjectResponse response = body.response();
                return Optional.of(new ObjectContent(stored(key.name(), response.contentLength(), response.contentType(),
                        response.metadata()), body));
            } catch (NoSuchKeyException missing) {
                return Optional.empty();
            }
        });
    }

    @Override
    public Optional<StoredObject> stat(ObjectKey key) {
        return call(() -> head(key).map(head -> stored(key.name(), head.contentLength(), head.contentType(),
                head.metadata())));
    }

    /**
     * ListObjectsV2 from just after {@code after}: S3 lists keys in ascending UTF-8 order, which for object names
     * ({@code [A-Za-z0-9._-]}) is their order as strings, and gives each key's size, so a page costs one request
     * (more only when keys that are no object name are skipped) and no HEAD per object.
     */
    @Override
    public ObjectPage list(Optional<String> after, int limit) {
        ObjectPage.requireValid(after, limit);
        String folder = prefix + ObjectKey.currentTenantPrefix();
        return call(() -> {
            List<ListedObject> fetched = new ArrayList<>();
            String token = null;
            do {
                String continuation = token;
                int wanted = Math.min(ObjectPage.MAX_LIMIT, limit + 1 - fetched.size());
                ListObjectsV2Response page = s3.listObjectsV2(request -> {
                    request.bucket(bucket).prefix(folder).maxKeys(wanted);
                    if (continuation != null) {
                        request.continuationToken(continuation);
                    } else {
                        after.ifPresent(start -> request.startAfter(folder + start));
                    }
                });
                for (S3Object object : page.contents()) {
                    String name = object.key().substring(folder.length());
                    if (ObjectKey.isValidName(name) && fetched.size() <= limit) {
                        fetched.add(new ListedObject(name, object.size() == null ? 0 : object.size()));
                    }
                }
                token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
            } while (token != null && fetched.size() <= limit);
            return ObjectPage.of(fetched, limit);
        });
    }

    @Override
    public boolean delete(ObjectKey key) {
        return call(() -> {
            if (head(key).isEmpty()) {
                return false;
            }
            s3.deleteObject(request -> request.bucket(bucket).key(s3Key(key)));
            return true;
        });
    }

    private String s3Key(ObjectKey key) {
        return prefix + key.path();
    }

    private Optional<HeadObjectResponse> head(ObjectKey key) {
        try {
            return Optional.of(s3.headObject(request -> request.bucket(bucket).key(s3Key(key))));
        } catch (NoSuchKeyException missing) {
            return Optional.empty();
        } catch (S3Exception failure) {
            if (failure.statusCode() == 404) {
                return Optional.empty();
            }
            throw failure;
        }
    }

    private static StoredObject stored(String name, Long size, String contentType, Map<String, String> metadata) {
        String sha = metadata.getOrDefault(SHA256, "");
        return new StoredObject(name, size == null ? 0 : size,
                contentType == null ? "application/octet-stream" : contentType, "\"" + sha + "\"");
    }

    /**
     * S3 that cannot be reached, or answers a server error or throttling (5xx, 429: SlowDown, InternalError,
     * ServiceUnavailable), is an unavailable dependency to retry later, not an internal error.
     */
    static <T> T call(Supplier<T> work) {
        try {
            return work.get();
        } catch (SdkClientException unreachable) {
            throw new DependencyUnavailable("object storage", unreachable);
        } catch (S3Exception refused) {
            if (refused.statusCode() >= 500 || refused.statusCode() == 429) {
                throw new DependencyUnavailable("object storage", refused);
            }
            throw refused;
        }
    }
}
