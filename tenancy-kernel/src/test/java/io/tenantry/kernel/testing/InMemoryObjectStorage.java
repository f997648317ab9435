package io.tenantry.kernel.testing;

import io.tenantry.kernel.storage.ListedObject;
import io.tenantry.kernel.storage.ObjectContent;
import io.tenantry.kernel.storage.ObjectKey;
import io.tenantry.kernel.storage.ObjectPage;
import io.tenantry.kernel.storage.ObjectStorage;
import io.tenantry.kernel.storage.ObjectTooLarge;
import io.tenantry.kernel.storage.PutOutcome;
import io.tenantry.kernel.storage.StoredObject;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Object storage in a map, for the tests of code above the port; it passes {@link ObjectStorageContract} like the
 * real adapters, so what such tests learn holds for them.
 */
public final class InMemoryObjectStorage implements ObjectStorage {

    private record Entry(StoredObject metadata, byte[] bytes) {
    }

    private final ConcurrentSkipListMap<String, Entry> objects = new ConcurrentSkipListMap<>();

    @Override
    public PutOutcome put(ObjectKey key, InputStream content, String contentType, long maxBytes) {
        byte[] bytes;
        try {
            bytes = content.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > maxBytes) {
            throw new ObjectTooLarge(maxBytes);
        }
        StoredObject stored = new StoredObject(key.name(), bytes.length, contentType, "\"" + sha256(bytes) + "\"");
        Entry previous = objects.put(key.path(), new Entry(stored, bytes));
        return previous == null ? new PutOutcome.Created(stored) : new PutOutcome.Replaced(stored);
    }

    @Override
    public Optional<ObjectContent> get(ObjectKey key) {
        return Optional.ofNullable(objects.get(key.path()))
                .map(entry -> new ObjectContent(entry.metadata(), new ByteArrayInputStream(entry.bytes())));
    }

    @Override
    public Optional<StoredObject> stat(ObjectKey key) {
        return Optional.ofNullable(objects.get(key.path())).map(Entry::metadata);
    }

    @Override
    public ObjectPage list(Optional<String> after, int limit) {
        ObjectPage.requireValid(after, limit);
        String prefix = ObjectKey.currentTenantPrefix();
        return ObjectPage.of(objects.subMap(after.map(name -> prefix + name).orElse(prefix), after.isEmpty(),
                        prefix + Character.MAX_VALUE, false).values().stream().limit(limit + 1L)
                .map(entry -> new ListedObject(entry.metadata().name(), entry.metadata().size())).toList(), limit);
    }

    @Override
    public boolean delete(ObjectKey key) {
        return objects.remove(key.path()) != null;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
