package io.tenantry.adapters.web.http;

import io.javalin.http.Context;
import io.tenantry.kernel.context.TenantIdentity;

/**
 * The effective identity of a request, kept on the Javalin context after the tenant scope has closed, for the
 * metrics and the log line written once the handler is done. Set by the gateway that verified the token; read by
 * everything after it, so that the HTTP plumbing does not depend on authentication.
 */
public final class RequestIdentity {

    private static final String ATTRIBUTE = "tenantry.identity";

    private RequestIdentity() {
    }

    public static void remember(Context ctx, TenantIdentity identity) {
        ctx.attribute(ATTRIBUTE, identity);
    }

    /** The identity the gateway remembered, or null for a request that never reached it (public or refused). */
    public static TenantIdentity of(Context ctx) {
        return ctx.attribute(ATTRIBUTE);
    }
}
