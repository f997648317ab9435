package io.tenantry.adapters.persistence.postgres;

import io.tenantry.adapters.persistence.jdbi.DatabaseWorkLimits;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How to reach PostgreSQL with its three roles: the migrator (owns the schema and runs migrations), the
 * application role (row-level security applies, owns nothing) and the bypass role (used only by the audited
 * bypass).
 *
 * @param url             JDBC URL of the database
 * @param migrator        the owner/migrator login
 * @param app             the application login
 * @param bypass          the bypass login
 * @param appPoolSize     upper bound of the application pool
 * @param bypassPoolSize  upper bound of the bypass pool
 * @param createRoles     whether the migrator creates the two roles when they are missing (needs CREATEROLE)
 * @param checkoutTimeout the longest a request waits for a pooled connection before it is answered 503 (at least
 *                        250 ms, HikariCP's floor)
 * @param allowUnpatchedServer whether a server without the fixes of known row-level-security vulnerabilities is
 *                        only warned about instead of refused
 * @param workLimits      each tenant's concurrent database operations and statement timeout, by tier
 */
public record PostgresSettings(
        String url,
        Login migrator,
        Login app,
        Login bypass,
        int appPoolSize,
        int bypassPoolSize,
        boolean createRoles,
        Duration checkoutTimeout,
        boolean allowUnpatchedServer,
        DatabaseWorkLimits workLimits) {

    /** The checkout deadline when none is configured. */
    public static final Duration DEFAULT_CHECKOUT_TIMEOUT = Duration.ofSeconds(1);

    private static final Pattern ROLE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public PostgresSettings {
        Objects.requireNonNull(url, "'url' must not be null");
        Objects.requireNonNull(migrator, "'migrator' must not be null");
        Objects.requireNonNull(app, "'app' must not be null");
        Objects.requireNonNull(bypass, "'bypass' must not be null");
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("the database URL must start with jdbc:postgresql:");
        }
        if (app.user().equals(bypass.user()) || app.user().equals(migrator.user())) {
            throw new IllegalArgumentException("the application role must differ from the migrator and bypass roles");
        }
        if (bypass.user().equals(migrator.user())) {
            throw new IllegalArgumentException("the bypass role must differ from the migrator role, which owns the schema"
                    + " (and could disable row-level security and the audit trigger)");
        }
        if (appPoolSize < 1 || bypassPoolSize < 1) {
            throw new IllegalArgumentException("pool sizes must be positive");
        }
        Objects.requireNonNull(checkoutTimeout, "'checkoutTimeout' must not be null");
        if (checkoutTimeout.toMillis() < 250) {
            throw new IllegalArgumentException("'checkoutTimeout' must be at least 250 ms");
        }
        Objects.requireNonNull(workLimits, "'workLimits' must not be null");
    }

    /** With the default checkout deadline. */
    public PostgresSettings(String url, Login migrator, Login app, Login bypass, int appPoolSize, int bypassPoolSize,
                            boolean createRoles) {
        this(url, migrator, app, bypass, appPoolSize, bypassPoolSize, createRoles, DEFAULT_CHECKOUT_TIMEOUT, false,
                DatabaseWorkLimits.defaults());
    }

    /**
     * With {@code checkoutTimeout}, refusing unpatched servers; an operation waits as long for one of its tenant's
     * database slots as for a connection (as the configuration does).
     */
    public PostgresSettings(String url, Login migrator, Login app, Login bypass, int appPoolSize, int bypassPoolSize,
                            boolean createRoles, Duration checkoutTimeout) {
        this(url, migrator, app, bypass, appPoolSize, bypassPoolSize, createRoles, checkoutTimeout, false,
                DatabaseWorkLimits.defaults().waiting(checkoutTimeout));
    }

    /** A user and password; role names are plain identifiers so they can be used in DDL as they are. */
    public record Login(String user, String password) {
        public Login {
            Objects.requireNonNull(user, "'user' must not be null");
            Objects.requireNonNull(password, "'password' must not be null");
            if (!ROLE_NAME.matcher(user).matches()) {
                throw new IllegalArgumentException("a role name must match [a-z_][a-z0-9_]{0,62}, was '" + user + "'");
            }
        }

        @Override
        public String toString() {
            return user + ":***";
        }
    }
}
