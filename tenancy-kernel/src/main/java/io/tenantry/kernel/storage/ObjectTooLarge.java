package io.tenantry.kernel.storage;

/** The content given to {@link ObjectStorage#put} was longer than its limit; nothing was stored. */
public final class ObjectTooLarge extends RuntimeException {

    private final long limit;

    public ObjectTooLarge(long maxBytes) {
        super("the object is larger than the limit of " + maxBytes + " bytes");
        this.limit = maxBytes;
    }

    /** The limit that was passed, in bytes. */
    public long limit() {
        return limit;
    }
}
