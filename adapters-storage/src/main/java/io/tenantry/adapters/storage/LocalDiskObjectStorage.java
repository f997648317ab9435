package io.tenantry.adapters.storage;

import io.tenantry.kernel.storage.ListedObject;
import io.tenantry.kernel.storage.ObjectContent;
import io.tenantry.kernel.storage.ObjectKey;
import io.tenantry.kernel.storage.ObjectPage;
import io.tenantry.kernel.storage.ObjectStorage;
import io.tenantry.kernel.storage.PutOutcome;
import io.tenantry.kernel.storage.StoredObject;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Objects as files: {@code root/data/tenants/{id}/{name}} with their content type and ETag beside them in
 * {@code root/meta/tenants/{id}/{name}.properties}. Only {@link ObjectKey}s reach it, so a name cannot leave its
 * tenant's folder; the resolved path is checked once more anyway. Writes go to a temporary file that is moved into
 * place, so a reader never sees half an object and a refused upload leaves nothing.
 */
public final class LocalDiskObjectStorage implements ObjectStorage {

    private final Path data;
    private final Path meta;

    public LocalDiskObjectStorage(Path root) {
        Path absolute = root.toAbsolutePath().normalize();
        this.data = absolute.resolve("data");
        this.meta = absolute.resolve("meta");
    }

    @Override
    public PutOutcome put(ObjectKey key, InputStream content, String contentType, long maxBytes) {
        Path target = inside(data, key.path());
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
            try {
                Uploads.Copied copied = copyLimited(content, temporary, maxBytes);
                boolean existed = Files.exists(target);
                StoredObject stored = new StoredObject(key.name(), copied.size(), contentType, copied.etag());
                writeMetadata(key, stored);
                move(temporary, target);
                return existed ? new PutOutcome.Replaced(stored) : new PutOutcome.Created(stored);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not store " + key, e);
        }
    }

    @Override
    public Optional<ObjectContent> get(ObjectKey key) {
        Optional<StoredObject> stored = metadata(key);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ObjectContent(stored.get(), Files.newInputStream(inside(data, key.path()))));
        } catch (NoSuchFileException deletedMeanwhile) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + key, e);
        }
    }

    @Override
    public Optional<StoredObject> stat(ObjectKey key) {
        return metadata(key);
    }

    /** Reads the tenant's folder and the metadata of the page's objects (the folder of a free tenant is small). */
    @Override
    public ObjectPage list(Optional<String> after, int limit) {
        ObjectPage.requireValid(after, limit);
        Path folder = inside(data, ObjectKey.currentTenantPrefix());
        if (!Files.isDirectory(folder)) {
            return ObjectPage.of(List.of(), limit);
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<ListedObject> fetched = files.map(file -> file.getFileName().toString())
                    .filter(ObjectKey::isValidName)
                    .filter(name -> after.map(start -> name.compareTo(start) > 0).orElse(true))
                    .sorted()
                    .flatMap(name -> metadata(ObjectKey.of(name)).stream())
                    .limit(limit + 1L)
                    .map(stored -> new ListedObject(stored.name(), stored.size()))
                    .toList();
            return ObjectPage.of(fetched, limit);
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + folder, e);
        }
    }

    @Override
    public boolean delete(ObjectKey key) {
        try {
            boolean deleted = Files.deleteIfExists(inside(data, key.path()));
            Files.deleteIfExists(inside(meta, key.path() + ".properties"));
            return deleted;
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + key, e);
        }
    }

    /** {@code base/relative}, refusing anything that would resolve outside {@code base}. */
    private static Path inside(Path base, String relative) {
        Path resolved = base.resolve(relative).normalize();
        if (!resolved.startsWith(base)) {
            throw new IllegalArgumentException("'" + relative + "' leaves the storage root");
        }
        return resolved;
    }

    private static Uploads.Copied copyLimited(InputStream content, Path temporary, long maxBytes) throws IOException {
        try (OutputStream out = Files.newOutputStream(temporary)) {
            return Uploads.copyLimited(content, out, maxBytes);
        }
    }

    private void writeMetadata(ObjectKey key, StoredObject stored) throws IOException {
        Path file = inside(meta, key.path() + ".properties");
        Files.createDirectories(file.getParent());
        Properties properties = new Properties();
        properties.setProperty("contentType", stored.contentType());
        properties.setProperty("etag", stored.etag());
        properties.setProperty("size", Long.toString(stored.size()));
        Path temporary = Files.createTempFile(file.getParent(), ".meta-", ".tmp");
        try (OutputStream out = Files.newOutputStream(temporary)) {
            properties.store(out, null);
        }
        move(temporary, file);
    }

    private Optional<StoredObject> metadata(ObjectKey key) {
        Path file = inside(meta, key.path() + ".properties");
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (NoSuchFileException missing) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read metadata of " + key, e);
        }
        return Optional.of(new StoredObject(key.name(), Long.parseLong(properties.getProperty("size")),
                properties.getProperty("contentType"), properties.getProperty("etag")));
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException notAtomic) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
