package io.tenantry.adapters.persistence.jdbi;

import io.tenantry.application.health.DependencyUnavailable;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.extension.ExtensionHandler;
import org.jdbi.v3.core.extension.ExtensionHandlerCustomizer;

import java.lang.reflect.Method;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Turns a database that cannot be reached (no connection from the pool, a broken connection) into the
 * application's {@link DependencyUnavailable}, at every SQL object call, so no Jdbi or JDBC type crosses a port.
 */
final class ConnectionFailures implements ExtensionHandlerCustomizer {

    @Override
    public ExtensionHandler customize(ExtensionHandler handler, Class<?> sqlObjectType, Method method) {
        return (config, target) -> {
            var attached = handler.attachTo(config, target);
            return (handleSupplier, args) -> {
                try {
                    return attached.invoke(handleSupplier, args);
                } catch (RuntimeException failure) {
                    if (isConnectionFailure(failure)) {
                        throw new DependencyUnavailable("the database", failure);
                    }
                    throw failure;
                }
            };
        };
    }

    static boolean isConnectionFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectionException || cause instanceof SQLTransientConnectionException
                    || (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08"))) {
                return true;
            }
        }
        return false;
    }
}
