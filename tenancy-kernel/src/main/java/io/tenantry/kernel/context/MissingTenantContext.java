package io.tenantry.kernel.context;

/**
 * Thrown when tenant-scoped work runs where no tenant is bound. It signals a wiring bug (work escaped
 * its request, or an executor dropped the context), so it is never caught to fall back to some tenant.
 */
public final class MissingTenantContext extends IllegalStateException {

    public MissingTenantContext(String what) {
        super(what + " needs a tenant, but none is bound: run it inside TenantContext.run(...) "
                + "or hand it to an executor wrapped with TenantContext.propagating(...)");
    }
}
