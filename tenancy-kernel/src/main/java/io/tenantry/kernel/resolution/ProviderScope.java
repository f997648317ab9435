package io.tenantry.kernel.resolution;

/**
 * How long a resolved instance lives. There is deliberately no process-wide scope: an instance shared by all
 * tenants is exactly what contextual resolution exists to prevent.
 */
public enum ProviderScope {
    /** A new instance on every {@code get()}. */
    PER_CALL,
    /** One instance per tenant and resolution key, reused for that tenant only. */
    PER_TENANT
}
