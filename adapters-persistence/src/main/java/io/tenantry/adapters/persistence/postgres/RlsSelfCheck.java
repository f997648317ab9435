package io.tenantry.adapters.persistence.postgres;

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
 * Checks, as the application role, that the database will really isolate tenants: the role is neither superuser
 * nor BYPASSRLS and owns no table, and every tenant table has ENABLE + FORCE row-level security with a policy for
 * the role whose USING and WITH CHECK both test {@code app.tenant_id}, and no looser policy beside it.
 */
public final class RlsSelfCheck {

    /** The tables whose rows belong to one tenant. */
    public static final List<String> TENANT_TABLES = List.of("tenants", "users", "orders", "order_lines", "idempotency_keys");

    private static final String ROLE = "SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user";
    private static final String OWNED = """
            SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)
              AND n.nspname NOT IN ('pg_catalog', 'information_schema')""";
    private static final String TABLES = """
            SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity,
              EXISTS (SELECT 1 FROM pg_policies p
                      WHERE p.schemaname = n.nspname AND p.tablename = c.relname
                        AND (current_user = ANY (p.roles) OR 'public' = ANY (p.roles))
                        AND p.qual LIKE '%current_setting(''app.tenant_id''%'
                        AND p.with_check LIKE '%current_setting(''app.tenant_id''%') AS guarded,
              EXISTS (SELECT 1 FROM pg_policies p
                      WHERE p.schemaname = n.nspname AND p.tablename = c.relname
                        AND (current_user = ANY (p.roles) OR 'public' = ANY (p.roles))
                        AND (coalesce(p.qual, '') NOT LIKE '%current_setting(''app.tenant_id''%'
                          OR coalesce(p.with_check, p.qual, '') NOT LIKE '%current_setting(''app.tenant_id''%')) AS loose
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname = ANY (?)""";

    private RlsSelfCheck() {
    }

    /** Throws {@link UnsafeDatabase} listing every problem found through {@code appDataSource}. */
    public static void verify(DataSource appDataSource) {
        List<String> problems = new ArrayList<>();
        try (Connection connection = appDataSource.getConnection()) {
            checkRole(connection, problems);
            checkTables(connection, problems);
        } catch (SQLException e) {
            throw new IllegalStateException("could not inspect the database: " + e.getMessage(), e);
        }
        if (!problems.isEmpty()) {
            throw new UnsafeDatabase(problems);
        }
    }

    private static void checkRole(Connection connection, List<String> problems) throws SQLException {
        try (PreparedStatement role = connection.prepareStatement(ROLE); ResultSet rows = role.executeQuery()) {
            rows.next();
            if (rows.getBoolean(1)) {
                problems.add("the application role is a superuser");
            }
            if (rows.getBoolean(2)) {
                problems.add("the application role has BYPASSRLS");
            }
        }
        try (PreparedStatement owned = connection.prepareStatement(OWNED); ResultSet rows = owned.executeQuery()) {
            rows.next();
            if (rows.getLong(1) > 0) {
                problems.add("the application role owns " + rows.getLong(1) + " relations (owners are exempt from RLS unless FORCE is set; it should own nothing)");
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
}
