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
     * {@code failure} as {@link DependencyUnavailable} when it is a connection failure, as {@link StatementTimedOut}
     * when PostgreSQL cancelled the statement for its timeout, unchanged otherwise.
     */
    public static RuntimeException translated(RuntimeException failure) {
        if (failure instanceof DependencyUnavailable || failure instanceof StatementTimedOut) {
            return failure;
        }
        if (isConnectionFailure(failure)) {
            return new DependencyUnavailable("the database", failure);
        }
        return isStatementTimeout(failure) ? new StatementTimedOut(failure) : failure;
    }

    /** Whether PostgreSQL cancelled a statement because it ran past {@code statement_timeout} (SQLState 57014). */
    static boolean isStatementTimeout(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && QUERY_CANCELED.equals(sql.getSQLState())
                    && String.valueOf(sql.getMessage()).contains("statement timeout")) {
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
