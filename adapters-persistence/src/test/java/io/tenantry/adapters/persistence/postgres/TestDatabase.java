package io.tenantry.adapters.persistence.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A throwaway database with its own application and bypass roles, on the server named by
 * {@code TENANTRY_TEST_PG_URL} (and {@code TENANTRY_TEST_PG_USER}, {@code TENANTRY_TEST_PG_PASSWORD}) when set, or
 * on an embedded PostgreSQL started once per JVM otherwise. Closing it drops the database and the roles, so tests
 * can share a server with other runs.
 */
public final class TestDatabase implements AutoCloseable {

    private static final Server SERVER = Server.resolve();

    private final String name;
    private final PostgresSettings settings;

    private TestDatabase(String name, PostgresSettings settings) {
        this.name = name;
        this.settings = settings;
    }

    /** A superuser's login to the test server: host, port and credentials, for a test that sets up a site itself. */
    public record ServerLogin(String host, int port, String user, String password) {
    }

    /** The test server, as its superuser. */
    public static ServerLogin serverLogin() {
        java.net.URI address = java.net.URI.create(SERVER.adminUrl().substring("jdbc:".length()));
        return new ServerLogin(address.getHost(), address.getPort() < 0 ? 5432 : address.getPort(), SERVER.user(),
                SERVER.password());
    }

    /** Runs one statement on the test server's maintenance database, as its superuser. */
    public static void executeOnServer(String sql) {
        SERVER.execute(sql);
    }

    /** Creates an empty database and two fresh roles; {@link #migrate()} brings the schema. */
    public static TestDatabase create() {
        return create(10);
    }

    public static TestDatabase create(int appPoolSize) {
        String suffix = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        String name = "tenantry_t_" + suffix;
        SERVER.execute("CREATE DATABASE " + name);
        PostgresSettings settings = new PostgresSettings(SERVER.urlOf(name),
                new PostgresSettings.Login(SERVER.user, SERVER.password),
                new PostgresSettings.Login("tenantry_app_" + suffix, "app-" + suffix),
                new PostgresSettings.Login("tenantry_bypass_" + suffix, "bypass-" + suffix),
                appPoolSize, 2, true);
        return new TestDatabase(name, settings);
    }

    /** Creates, migrates and returns a database. */
    public static TestDatabase migrated(int appPoolSize) {
        TestDatabase database = create(appPoolSize);
        database.migrate();
        return database;
    }

    public void migrate() {
        new SchemaMigrator(settings).migrate();
    }

    /** Migrates with Flyway locations besides {@code classpath:db/migration}. */
    public void migrate(java.util.List<String> moreLocations) {
        new SchemaMigrator(settings, moreLocations).migrate();
    }

    public PostgresSettings settings() {
        return settings;
    }

    /** The database's name. */
    public String name() {
        return name;
    }

    /** A connection as the migrator (a superuser here), for setting up and inspecting. */
    public Connection asOwner() throws SQLException {
        return DriverManager.getConnection(settings.url(), SERVER.user, SERVER.password);
    }

    /** A connection as the application role, as a pool would hand it out. */
    public Connection asApplication() throws SQLException {
        return DriverManager.getConnection(settings.url(), settings.app().user(), settings.app().password());
    }

    /** A connection as the bypass role. */
    public Connection asBypass() throws SQLException {
        return DriverManager.getConnection(settings.url(), settings.bypass().user(), settings.bypass().password());
    }

    /** Runs SQL as the owner. */
    public void execute(String... statements) {
        try (Connection connection = asOwner(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The first column of the first row of {@code sql}, run as the owner. */
    public String query(String sql) {
        try (Connection connection = asOwner(); Statement statement = connection.createStatement();
             java.sql.ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        SERVER.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        SERVER.execute("DROP ROLE IF EXISTS " + settings.app().user());
        SERVER.execute("DROP ROLE IF EXISTS " + settings.bypass().user());
    }

    /** The server all test databases of this JVM live on. */
    private record Server(String adminUrl, String user, String password) {

        static Server resolve() {
            String url = System.getenv("TENANTRY_TEST_PG_URL");
            if (url != null && !url.isBlank()) {
                String user = System.getenv().getOrDefault("TENANTRY_TEST_PG_USER", "postgres");
                String password = System.getenv().getOrDefault("TENANTRY_TEST_PG_PASSWORD", "");
                return new Server(url, user, password);
            }
            EmbeddedDatabase embedded = EmbeddedDatabase.start(null);
            Runtime.getRuntime().addShutdownHook(new Thread(embedded::close, "embedded-postgres-stop"));
            return new Server(embedded.jdbcUrl("postgres"), "postgres", "postgres");
        }

        String urlOf(String database) {
            int query = adminUrl.indexOf('?');
            String base = query < 0 ? adminUrl : adminUrl.substring(0, query);
            String params = query < 0 ? "" : adminUrl.substring(query);
            return base.substring(0, base.lastIndexOf('/') + 1) + database + params;
        }

        void execute(String sql) {
            try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
                 Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException(sql + ": " + e.getMessage(), e);
            }
        }
    }
}
