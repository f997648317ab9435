package io.tenantry.kernel.policy;

/** A policy refused a call. The web layer answers it with 403; the reason is for logs, not for clients. */
public final class AccessDenied extends RuntimeException {

    public AccessDenied(String reason) {
        super(reason);
    }
}
