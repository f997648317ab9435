package io.tenantry.bootstrap;

import io.tenantry.kernel.resolution.ContextualProvider;
import io.tenantry.kernel.storage.ObjectContent;
import io.tenantry.kernel.storage.ObjectKey;
import io.tenantry.kernel.storage.ObjectPage;
import io.tenantry.kernel.storage.ObjectStorage;
import io.tenantry.kernel.storage.PutOutcome;
import io.tenantry.kernel.storage.StoredObject;

import java.io.InputStream;
import java.util.Optional;

/**
 * The {@link ObjectStorage} that business code injects: a client proxy that asks the contextual provider for the
 * current tenant's backend on every call. So a service injected once, even a process-wide singleton, always reaches
 * the right tenant's storage (local disk for free, S3 for paying tiers) and never keeps one tenant's backend.
 */
public final class ContextualObjectStorage implements ObjectStorage {

    private final ContextualProvider<ObjectStorage> backends;

    public ContextualObjectStorage(ContextualProvider<ObjectStorage> backends) {
        this.backends = backends;
    }

    @Override
    public PutOutcome put(ObjectKey key, InputStream content, String contentType, long maxBytes) {
        return backends.get().put(key, content, contentType, maxBytes);
    }

    @Override
    public Optional<ObjectContent> get(ObjectKey key) {
        return backends.get().get(key);
    }

    @Override
    public Optional<StoredObject> stat(ObjectKey key) {
        return backends.get().stat(key);
    }

    @Override
    public ObjectPage list(Optional<String> after, int limit) {
        return backends.get().list(after, limit);
    }

    @Override
    public boolean delete(ObjectKey key) {
        return backends.get().delete(key);
    }
}
