package io.tenantry.adapters.persistence.postgres;

import io.tenantry.application.health.DependencyCheck;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** Whether PostgreSQL answers on the application pool within two seconds. */
public final class PostgresHealthCheck implements DependencyCheck {

    private final DataSource dataSource;

    public PostgresHealthCheck(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public boolean up() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }
}
