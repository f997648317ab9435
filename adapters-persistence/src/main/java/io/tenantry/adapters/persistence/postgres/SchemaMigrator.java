package io.tenantry.adapters.persistence.postgres;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * Brings a database to the current schema as the migrator role: creates the application and bypass roles when
 * asked to and they are missing, then runs the Flyway migrations with the role names as placeholders.
 */
public final class SchemaMigrator {

    private final PostgresSettings settings;
    private final String[] locations;

    public SchemaMigrator(PostgresSettings settings) {
        this(settings, List.of());
    }

    /**
     * Migrates with {@code moreLocations} besides {@code classpath:db/migration} (which already finds every
     * {@code db/migration} folder on the classpath, a team's own jar's included).
     */
    public SchemaMigrator(PostgresSettings settings, List<String> moreLocations) {
        this.settings = settings;
        this.locations = java.util.stream.Stream.concat(java.util.stream.Stream.of("classpath:db/migration"),
                moreLocations.stream()).toArray(String[]::new);
    }

    /** Migrates and returns how many migrations ran. */
    public int migrate() {
        if (settings.createRoles()) {
            createMissingRoles();
        }
        MigrateResult result = Flyway.configure()
                .dataSource(settings.url(), settings.migrator().user(), settings.migrator().password())
                .locations(locations)
                .placeholders(Map.of("app_role", settings.app().user(), "bypass_role", settings.bypass().user()))
                .load()
                .migrate();
        return result.migrationsExecuted;
    }

    private void createMissingRoles() {
        try (Connection connection = DriverManager.getConnection(settings.url(), settings.migrator().user(),
                settings.migrator().password())) {
            createIfMissing(connection, settings.app());
            createIfMissing(connection, settings.bypass());
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the database roles: " + e.getMessage(), e);
        }
    }

    private static void createIfMissing(Connection connection, PostgresSettings.Login login) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            exists.setString(1, login.user());
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
        }
        try (Statement create = connection.createStatement()) {
            // the name is a validated identifier; the password is a quoted literal
            create.execute("CREATE ROLE " + login.user() + " LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE "
                    + "NOINHERIT PASSWORD '" + login.password().replace("'", "''") + "'");
        }
    }
}
