package io.tenantry.kernel.storage;

/** The content given to {@link ObjectStorage#put} was longer than its limit; nothing was stored. */
public final class ObjectTooLarge extends RuntimeException {

    public ObjectTooLarge(long maxBytes) {
        super("the object is larger than the limit of " + maxBytes + " bytes");
    }
}
