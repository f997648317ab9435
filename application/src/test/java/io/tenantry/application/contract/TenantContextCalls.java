package io.tenantry.application.contract;

import io.tenantry.kernel.context.TenantContext;
import io.tenantry.kernel.context.TenantIdentity;

/** Calls work that throws a checked exception as an identity, letting that exception through. */
final class TenantContextCalls {

    private TenantContextCalls() {
    }

    static <T, X extends Exception> T call(TenantIdentity identity, ScopedValue.CallableOp<T, X> work) throws X {
        return TenantContext.call(identity, work);
    }
}
