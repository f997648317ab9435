package io.tenantry.application.tenant;

/** The in-port a gateway asks before serving a request: may the tenant of the current identity use the service? */
public interface CheckTenantAccessUseCase {

    /** The verdict for the tenant bound to the current work. */
    Verdict check();

    /** What the check found. */
    sealed interface Verdict {
        record Granted(Tenant tenant) implements Verdict {
        }

        record UnknownTenant() implements Verdict {
        }

        record Suspended() implements Verdict {
        }
    }
}
