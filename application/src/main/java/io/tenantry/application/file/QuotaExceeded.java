package io.tenantry.application.file;

/** An upload would take the tenant over its storage quota; nothing was stored. Deleting files makes room. */
public final class QuotaExceeded extends RuntimeException {

    /** Which part of the quota: the bytes of all files, or their number. */
    public enum Limit { BYTES, FILES }

    private final Limit limit;
    private final long quota;

    public QuotaExceeded(Limit limit, long quota) {
        super("the upload would exceed the tenant's quota of " + quota + (limit == Limit.BYTES ? " bytes" : " files"),
                null, false, false);
        this.limit = limit;
        this.quota = quota;
    }

    public Limit limit() {
        return limit;
    }

    public long quota() {
        return quota;
    }
}
