package io.tenantry.adapters.persistence.jdbi;

import io.tenantry.application.capacity.StatementTimedOut;
import io.tenantry.application.health.DependencyUnavailable;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.extension.ExtensionHandler;
import org.jdbi.v3.core.extension.ExtensionHandlerCustomizer;

import java.io.IOException;
import java.lang.reflect.Method;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Turns a database that cannot be reached into the application's {@link DependencyUnavailable}, at every SQL object
 * call, so no Jdbi or JDBC type crosses a port and a caller answers 503, never 500. The failure can surface anywhere
 * in the call: while the pool hands out a connection (HikariCP's checkout timeout), while Jdbi opens the handle (the
 * PostgreSQL plugin queries the server there), in the statement, or at commit; so the whole cause chain is read.
 */
public final class ConnectionFailures implements ExtensionHandlerCustomizer {

    /**
     * SQLStates that mean "the server is not there for this connection": the whole class 08 (connection
     * exception), 57P01..57P03 (administrator or crash shutdown, cannot connect now) and 53300 (too many
     * connections).
     */
    private static final Set<String> UNREACHABLE = Set.of("57P01", "57P02", "57P03", "53300");
    private static final String QUERY_CANCELED = "57014";

    /**
     * SQLStates of a database that is there but cannot do the work right now, which a retry later may: a read-only
     * transaction (a failover left this connection on a standby), lock not available; and the whole classes 40
     * (serialization failure, deadlock), 53 (insufficient resources) and 58 (system error such as I/O).
     */
    private static final Set<String> TRANSIENT = Set.of("25006", "55P03");
    private static final Set<String> TRANSIENT_CLASSES = Set.of("40", "53", "58");

    private final Runnable onFailure;

    /** {@code onFailure} hears of every connection failure (so a breaker can check the database at once). */
    ConnectionFailures(Runnable onFailure) {
        this.onFailure = onFailure;
    }

    @Override
    public ExtensionHandler customize(ExtensionHandler handler, Class<?> sqlObjectType, Method method) {
        return (config, target) -> {
            var attached = handler.attachTo(config, target);
            return (handleSupplier, args) -> {
                try {
                    return attached.invoke(handleSupplier, args);
                } catch (RuntimeException failure) {
                    RuntimeException translated = translated(failure);
                    if (translated instanceof DependencyUnavailable) {
                        onFailure.run();
                    }
                    throw translated;
                }
            };
        };
    }

    /**
     * {@code failure} as {@link DependencyUnavailable} when it is a connection failure or a transient one, as
     * {@link StatementTimedOut} when PostgreSQL cancelled the statement, unchanged otherwise.
     */
    public static RuntimeException translated(RuntimeException failure) {
        if (failure instanceof DependencyUnavailable || failure instanceof StatementTimedOut) {
            return failure;
        }
        if (isConnectionFailure(failure) || hasState(failure, ConnectionFailures::isTransientState)) {
            return new DependencyUnavailable("the database", failure);
        }
        return hasState(failure, QUERY_CANCELED::equals) ? new StatementTimedOut(failure) : failure;
    }

    /**
     * Whether {@code sqlState} means the database cannot do the work now but may later (see {@link #TRANSIENT}).
     * A cancelled statement (57014: its tier's {@code statement_timeout}, or an operator's cancel) is told apart by
     * its state alone, never by the server's message, which depends on the server's language.
     */
    static boolean isTransientState(String sqlState) {
        return sqlState != null && sqlState.length() == 5
                && (TRANSIENT.contains(sqlState) || TRANSIENT_CLASSES.contains(sqlState.substring(0, 2)));
    }

    private static boolean hasState(Throwable failure, java.util.function.Predicate<String> state) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && state.test(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Whether anything in {@code failure}'s cause chain says the database could not be reached. */
    public static boolean isConnectionFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DependencyUnavailable || cause instanceof ConnectionException
                    || cause instanceof SQLTransientConnectionException || cause instanceof IOException
                    || (cause instanceof SQLException sql && isUnreachableState(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code sqlState} is one of the states that mean the server is unreachable. */
    public static boolean isUnreachableState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || UNREACHABLE.contains(sqlState));
    }
}
