package io.tenantry.adapters.persistence.postgres;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

/** A pool whose checkouts go through a {@link DatabaseBreaker}, so they fail at once while the database is down. */
public final class GuardedDataSource implements DataSource {

    private final DataSource pool;
    private final DatabaseBreaker breaker;

    GuardedDataSource(DataSource pool, DatabaseBreaker breaker) {
        this.pool = pool;
        this.breaker = breaker;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return breaker.checkout(pool::getConnection);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return breaker.checkout(() -> pool.getConnection(username, password));
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || pool.isWrapperFor(type);
    }
}
