package io.tenantry.application.file;

/**
 * How many uploads may be in progress at once, per tenant and in the whole process. Each upload holds a connection,
 * a spool file and a request thread until its last byte is stored, so without a bound one tenant could take them
 * all; the per-tenant bound keeps the others served, the total keeps the process within its means.
 *
 * @param perTenant uploads of one tenant at once
 * @param total     uploads of all tenants at once
 */
public record UploadBounds(int perTenant, int total) {

    public UploadBounds {
        if (perTenant < 1) {
            throw new IllegalArgumentException("'perTenant' must be positive");
        }
        if (total < perTenant) {
            throw new IllegalArgumentException("'total' must be at least 'perTenant'");
        }
    }

    /** 4 per tenant, 64 in all. */
    public static UploadBounds defaults() {
        return new UploadBounds(4, 64);
    }
}
