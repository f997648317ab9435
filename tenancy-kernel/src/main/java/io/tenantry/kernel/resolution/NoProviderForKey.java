package io.tenantry.kernel.resolution;

/** Thrown when an identity resolves to a key that has no provider and the provider declares no default. */
public final class NoProviderForKey extends IllegalStateException {

    public NoProviderForKey(Object key) {
        super("no provider is bound for resolution key '" + key + "' and no default was declared");
    }
}
