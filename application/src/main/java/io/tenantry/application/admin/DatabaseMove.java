package io.tenantry.application.admin;

import io.tenantry.application.tenant.Tenant;

/** What moving a tenant to a database of its own, or back to the shared one, came to. */
public sealed interface DatabaseMove {

    /** Done: {@code tenant} is the entry as it is now. */
    record Moved(Tenant tenant) implements DatabaseMove {
    }

    /**
     * Done: {@code tenant}'s rows live in the shared database again, and {@code formerDatabase}, which it no longer
     * names, is to be dropped once that is committed.
     */
    record Retired(Tenant tenant, String formerDatabase) implements DatabaseMove {
    }

    /** No tenant has that id. */
    record UnknownTenant() implements DatabaseMove {
    }

    /**
     * The tenant is active: an instance could be serving it while its rows move. Suspend it first, and wait for the
     * tenant cache's age, so that every instance has seen the suspension.
     */
    record StillActive() implements DatabaseMove {
    }

    /**
     * The tenant was suspended too recently: an instance may still trust an older reading of it as
     * active and serve it. Try again after {@code retryAfter}.
     */
    record SuspendedTooRecently(java.time.Duration retryAfter) implements DatabaseMove {
    }

    /** The tenant already lives where it was asked to move to. */
    record AlreadyThere() implements DatabaseMove {
    }

    /** The tenant holds {@code rows} rows where it would leave; they are not moved, so it stays. */
    record HoldsRows(long rows) implements DatabaseMove {
    }

    /** The tenant's own database is declared in the configuration, which only a restart changes. */
    record DeclaredInConfiguration() implements DatabaseMove {
    }

    /**
     * The database cannot be created or dropped here: this instance holds no migrator login, the migrator may not
     * create databases, or a database of that name exists and is not this tenant's; {@code reason} says which.
     */
    record CannotProvision(String reason) implements DatabaseMove {
    }
}
