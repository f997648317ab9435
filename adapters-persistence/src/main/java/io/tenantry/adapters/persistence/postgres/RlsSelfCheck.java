package io.tenantry.adapters.persistence.postgres;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks, as the application role, that the database will really isolate tenants, and refuses to serve otherwise:
 * <ul>
 *   <li>neither the application role nor the bypass role is a superuser or has BYPASSRLS or CREATEROLE, directly or
 *       through a role it is a member of, and neither owns (or is a member of the owner of) a relation;</li>
 *   <li>the application role can read no materialized view, foreign table or view without {@code security_invoker}
 *       that has a {@code tenant_id} column: row-level security does not guard those;</li>
 *   <li>the application role cannot create temporary tables (a place to stage rows outside row-level security);</li>
 *   <li>every tenant table (every table of the schema with a {@code tenant_id} column, and {@code tenants}) has
 *       ENABLE + FORCE row-level security, a policy reaching the application role whose USING and WITH CHECK both
 *       test {@code app.tenant_id}, and no looser policy reaching it (membership counts, as PostgreSQL applies
 *       policies of every role a user is a member of);</li>
 *   <li>the server has the fixes of the known row-level-security vulnerabilities ({@link ServerVersion}); with
 *       {@code allowUnpatchedServer} that is a warning instead.</li>
 * </ul>
 */
public final class RlsSelfCheck {

    private static final Logger LOG = LoggerFactory.getLogger(RlsSelfCheck.class);

    /** The tables whose rows belong to one tenant and that must exist. */
    public static final List<String> TENANT_TABLES = List.of("tenants", "users", "orders", "order_lines", "idempotency_keys");

    private static final String ROLE = """
            SELECT r.rolname, r.rolsuper, r.rolbypassrls, r.rolcreaterole, r.rolname = ? AS itself FROM pg_roles r
            WHERE pg_has_role(?, r.oid, 'MEMBER') AND (r.rolsuper OR r.rolbypassrls OR r.rolcreaterole)""";
    /** Relations row-level security does not guard that expose a tenant column to the application role. */
    private static final String UNGUARDED = """
            SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema()
              AND (c.relkind IN ('m', 'f')
                   OR (c.relkind = 'v' AND NOT coalesce('security_invoker=true' = ANY (c.reloptions), false)))
              AND has_table_privilege(current_user, c.oid, 'SELECT')
              AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id'
                          AND a.attnum > 0 AND NOT a.attisdropped)
            ORDER BY c.relname""";
    private static final String OWNED = """
            SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE pg_has_role(?, c.relowner, 'MEMBER')
              AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'""";
    private static final String TEMPORARY = "SELECT has_database_privilege(current_user, current_database(), 'TEMP')";
    private static final String REACHES_ME = """
            EXISTS (SELECT 1 FROM unnest(p.roles) r(name) WHERE r.name = 'public' OR pg_has_role(current_user, r.name, 'MEMBER'))""";
    private static final String GUARDED = "LIKE '%current_setting(''app.tenant_id''%'";
    private static final String TABLES = """
            SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity,
              EXISTS (SELECT 1 FROM pg_policies p
                      WHERE p.schemaname = n.nspname AND p.tablename = c.relname AND %1$s
                        AND p.qual %2$s AND p.with_check %2$s) AS guarded,
              EXISTS (SELECT 1 FROM pg_policies p
                      WHERE p.schemaname = n.nspname AND p.tablename = c.relname AND %1$s
                        AND (coalesce(p.qual, '') NOT %2$s OR coalesce(p.with_check, p.qual, '') NOT %2$s)) AS loose
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
              AND (c.relname = ANY (?) OR EXISTS (SELECT 1 FROM pg_attribute a
                   WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND a.attnum > 0 AND NOT a.attisdropped))
            ORDER BY c.relname""".formatted(REACHES_ME, GUARDED);

    private RlsSelfCheck() {
    }

    /** Throws {@link UnsafeDatabase} listing every problem found through {@code appDataSource}. */
    public static void verify(DataSource appDataSource, String bypassRole, boolean allowUnpatchedServer) {
        List<String> problems = new ArrayList<>();
        try (Connection connection = appDataSource.getConnection()) {
            String app = connection.getMetaData().getUserName();
            checkRole(connection, app, "the application role", problems);
            checkRole(connection, bypassRole, "the bypass role", problems);
            checkTemporary(connection, problems);
            checkTables(connection, problems);
            checkUnguarded(connection, problems);
            checkVersion(connection, allowUnpatchedServer, problems);
        } catch (SQLException e) {
            throw new IllegalStateException("could not inspect the database: " + e.getMessage(), e);
        }
        if (!problems.isEmpty()) {
            throw new UnsafeDatabase(problems);
        }
    }

    private static void checkRole(Connection connection, String role, String what, List<String> problems) throws SQLException {
        try (PreparedStatement privileged = connection.prepareStatement(ROLE)) {
            privileged.setString(1, role);
            privileged.setString(2, role);
            try (ResultSet rows = privileged.executeQuery()) {
                while (rows.next()) {
                    String through = rows.getBoolean(5) ? "" : " (as a member of " + rows.getString(1) + ")";
                    if (rows.getBoolean(2)) {
                        problems.add(what + " is a superuser" + through);
                    }
                    if (rows.getBoolean(3)) {
                        problems.add(what + " has BYPASSRLS" + through);
                    }
                    if (rows.getBoolean(4)) {
                        problems.add(what + " has CREATEROLE" + through + " (it could grant itself a privileged role)");
                    }
                }
            }
        }
        try (PreparedStatement owned = connection.prepareStatement(OWNED)) {
            owned.setString(1, role);
            try (ResultSet rows = owned.executeQuery()) {
                rows.next();
                if (rows.getLong(1) > 0) {
                    problems.add(what + " owns " + rows.getLong(1) + " relations, itself or through a role it is a member of"
                            + " (owners are exempt from RLS unless FORCE is set; it should own nothing)");
                }
            }
        }
    }

    private static void checkTemporary(Connection connection, List<String> problems) throws SQLException {
        try (PreparedStatement temporary = connection.prepareStatement(TEMPORARY); ResultSet rows = temporary.executeQuery()) {
            rows.next();
            if (rows.getBoolean(1)) {
                problems.add("the application role may create temporary tables (REVOKE TEMPORARY ON DATABASE ... FROM PUBLIC)");
            }
        }
    }

    private static void checkTables(Connection connection, List<String> problems) throws SQLException {
        Set<String> seen = new HashSet<>();
        try (PreparedStatement tables = connection.prepareStatement(TABLES)) {
            tables.setArray(1, connection.createArrayOf("text", TENANT_TABLES.toArray()));
            try (ResultSet rows = tables.executeQuery()) {
                while (rows.next()) {
                    String table = rows.getString(1);
                    seen.add(table);
                    if (!rows.getBoolean(2)) {
                        problems.add(table + ": row-level security is not enabled");
                    }
                    if (!rows.getBoolean(3)) {
                        problems.add(table + ": row-level security is not forced");
                    }
                    if (!rows.getBoolean(4)) {
                        problems.add(table + ": no policy checks app.tenant_id in both USING and WITH CHECK for the application role");
                    }
                    if (rows.getBoolean(5)) {
                        problems.add(table + ": a policy for the application role does not check app.tenant_id");
                    }
                }
            }
        }
        for (String table : TENANT_TABLES) {
            if (!seen.contains(table)) {
                problems.add(table + ": the table is missing (are migrations applied?)");
            }
        }
    }

    private static void checkUnguarded(Connection connection, List<String> problems) throws SQLException {
        try (PreparedStatement unguarded = connection.prepareStatement(UNGUARDED); ResultSet rows = unguarded.executeQuery()) {
            while (rows.next()) {
                String kind = switch (rows.getString(2)) {
                    case "m" -> "a materialized view";
                    case "f" -> "a foreign table";
                    default -> "a view without security_invoker";
                };
                problems.add(rows.getString(1) + ": " + kind + " with a tenant_id column the application role can read;"
                        + " row-level security does not apply to it");
            }
        }
    }

    private static void checkVersion(Connection connection, boolean allowUnpatchedServer, List<String> problems)
            throws SQLException {
        try (PreparedStatement version = connection.prepareStatement("SELECT current_setting('server_version_num')::int");
             ResultSet rows = version.executeQuery()) {
            rows.next();
            new ServerVersion(rows.getInt(1)).missingRlsFixes().ifPresent(missing -> {
                if (allowUnpatchedServer) {
                    LOG.warn("{} (allowed by TENANTRY_DB_ALLOW_UNPATCHED_SERVER)", missing);
                } else {
                    problems.add(missing);
                }
            });
        }
    }
}
