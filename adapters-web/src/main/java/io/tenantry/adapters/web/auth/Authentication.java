package io.tenantry.adapters.web.auth;

import io.tenantry.kernel.context.TenantIdentity;

/** What verifying a request's bearer token came to. */
sealed interface Authentication {

    /** The token is genuine and well-formed; this is who is calling. */
    record Authenticated(TenantIdentity identity) implements Authentication {
    }

    /** No usable token; {@code reason} is for the log, the client only learns "unauthorized". */
    record Rejected(String reason) implements Authentication {
    }
}
