package io.tenantry.application.file;

/**
 * An upload was refused before reading its body because too many are in progress. Nothing was stored; the same
 * request can be sent again shortly.
 */
public final class UploadsBusy extends RuntimeException {

    /** Whose bound was reached: the tenant's own (its own load), or the whole service's. */
    public enum Bound { TENANT, SERVICE }

    private final Bound bound;

    public UploadsBusy(Bound bound, int limit) {
        super((bound == Bound.TENANT ? "the tenant already has " : "the service already has ") + limit
                + " uploads in progress", null, false, false);
        this.bound = bound;
    }

    public Bound bound() {
        return bound;
    }
}
