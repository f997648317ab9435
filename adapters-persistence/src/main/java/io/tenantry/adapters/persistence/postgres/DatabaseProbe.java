package io.tenantry.adapters.persistence.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

/**
 * Asks PostgreSQL whether it answers, on a connection of its own rather than one borrowed from the pool: a flood of
 * {@code /health} or a pool exhausted by tenants' work can then neither starve tenants nor make a healthy database
 * look down. The connection is opened on first use and reopened after a failure; connecting and every probe are
 * bounded by {@code timeout}.
 */
public final class DatabaseProbe implements AutoCloseable {

    private final String url;
    private final Properties login;
    private final Duration timeout;
    private Connection connection;
    private boolean closed;

    DatabaseProbe(String url, PostgresSettings.Login role, Duration timeout) {
        this.url = url;
        this.timeout = timeout;
        this.login = new Properties();
        int seconds = (int) Math.max(1, timeout.toSeconds());
        login.setProperty("user", role.user());
        login.setProperty("password", role.password());
        login.setProperty("connectTimeout", String.valueOf(seconds));
        login.setProperty("socketTimeout", String.valueOf(seconds));
        login.setProperty("ApplicationName", "tenantry-probe");
    }

    /** Whether a trivial query answers now, within the timeout. */
    synchronized boolean answers() {
        if (closed) {
            return false;
        }
        try {
            if (connection == null || connection.isClosed()) {
                connection = DriverManager.getConnection(url, login);
            }
            try (Statement statement = connection.createStatement()) {
                statement.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
                statement.execute("SELECT 1");
            }
            return true;
        } catch (SQLException unreachable) {
            closeQuietly();
            return false;
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        closeQuietly();
    }

    private void closeQuietly() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the connection is broken already
            }
            connection = null;
        }
    }
}
