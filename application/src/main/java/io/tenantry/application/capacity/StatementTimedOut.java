package io.tenantry.application.capacity;

/**
 * A database statement ran longer than the current tenant's tier allows and was cancelled by the database, so a
 * heavy query of one tenant cannot hold a connection (and the server's time) that others are waiting for.
 */
public final class StatementTimedOut extends RuntimeException {

    public StatementTimedOut(Throwable cause) {
        super("a statement ran past its tier's timeout", cause);
    }
}
