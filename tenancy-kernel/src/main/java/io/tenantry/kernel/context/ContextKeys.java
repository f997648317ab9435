package io.tenantry.kernel.context;

/**
 * Every scoped value that carries tenancy, declared in one place so that a reviewer (and the architecture
 * tests) can see all of them at once. Package-private: only {@link TenantContext} binds or reads them.
 */
final class ContextKeys {

    /** The identity the current unit of work acts for. */
    static final ScopedValue<TenantIdentity> IDENTITY = ScopedValue.newInstance();

    /** Where the current unit of work came from (request id and client address), when a request started it. */
    static final ScopedValue<RequestOrigin> ORIGIN = ScopedValue.newInstance();

    /** Present, with the audited justification, while cross-tenant work runs inside the audited bypass. */
    static final ScopedValue<BypassScope> BYPASS = ScopedValue.newInstance();

    private ContextKeys() {
    }
}
