package io.tenantry.application.admin;

import io.tenantry.application.tenant.Tenant;

/** What moving a tenant to a database of its own, or back to the shared one, came to. */
public sealed interface DatabaseMove {

    /** Done: {@code tenant} is the entry as it is now. */
    record Moved(Tenant tenant) implements DatabaseMove {
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

    /** The tenant already lives where it was asked to move to. */
    record AlreadyThere() implements DatabaseMove {
    }

    /** The tenant holds {@code rows} rows where it would leave; they are not moved, so it stays. */
    record HoldsRows(long rows) implements DatabaseMove {
    }

    /** The tenant's own database is declared in the configuration, which only a restart changes. */
    record DeclaredInConfiguration() implements DatabaseMove {
    }

    /** This instance cannot create databases (it holds no migrator login, say); {@code reason} says why. */
    record CannotProvision(String reason) implements DatabaseMove {
    }
}
