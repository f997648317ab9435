package io.tenantry.adapters.persistence.postgres;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks, as the application role, that the database will really isolate tenants, and refuses to serve otherwise.
 * The tenant tables are those {@link TenantSchema} reads from the catalog; the build's house rules run the same
 * checks on the migrations, so a problem found here at startup is one the build already reports.
 * <ul>
 *   <li>neither the application role nor the bypass role is a superuser or has BYPASSRLS or CREATEROLE, directly or
 *       through a role it is a member of, and neither owns (or is a member of the owner of) a relation;</li>
 *   <li>the application role cannot create temporary tables (a place to stage rows outside row-level security);</li>
 *   <li>every tenant table has ENABLE + FORCE row-level security; a RESTRICTIVE policy reaching the application role
 *       whose USING and WITH CHECK both carry the tenant predicate (so no later permissive policy can widen it);
 *       every permissive policy reaching it carries the predicate too (membership counts, as PostgreSQL applies the
 *       policies of every role a user is a member of); and the application role has no TRUNCATE, REFERENCES or
 *       TRIGGER on it;</li>
 *   <li>no view over a tenant table lacks {@code security_invoker}, no materialized view reads one, and the
 *       application role can read no materialized view, foreign table or invoker-less view with a
 *       {@code tenant_id} column: row-level security does not guard those;</li>
 *   <li>the server has the fixes of the known row-level-security vulnerabilities ({@link ServerVersion}); with
 *       {@code allowUnpatchedServer} that is a warning instead.</li>
 * </ul>
 */
public final class RlsSelfCheck {

    private static final Logger LOG = LoggerFactory.getLogger(RlsSelfCheck.class);

    private static final String ROLE = """
            SELECT r.rolname, r.rolsuper, r.rolbypassrls, r.rolcreaterole, r.rolname = ? AS itself FROM pg_roles r
            WHERE pg_has_role(?, r.oid, 'MEMBER') AND (r.rolsuper OR r.rolbypassrls OR r.rolcreaterole)""";
    /** Relations row-level security does not guard that read tenant tables or expose a tenant column. */
    private static final String UNGUARDED = """
            SELECT CASE WHEN v.relnamespace = current_schema()::regnamespace THEN v.relname
                        ELSE v.relnamespace::regnamespace || '.' || v.relname END, v.relkind
            FROM pg_class v
            WHERE v.relnamespace NOT IN ('pg_catalog'::regnamespace, 'information_schema'::regnamespace)
              AND (v.relkind IN ('m', 'f')
                   OR (v.relkind = 'v' AND NOT coalesce('security_invoker=true' = ANY (v.reloptions), false)))
              AND ((has_table_privilege(current_user, v.oid, 'SELECT')
                    AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = v.oid AND a.attname = 'tenant_id'
                                AND a.attnum > 0 AND NOT a.attisdropped))
                   OR EXISTS (SELECT 1 FROM pg_rewrite w
                              JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = w.oid
                              JOIN pg_class t ON t.oid = d.refobjid AND d.refclassid = 'pg_class'::regclass
                              WHERE w.ev_class = v.oid AND t.oid <> v.oid AND t.relname = ANY (?)
                                AND t.relnamespace = current_schema()::regnamespace))
            ORDER BY v.relname""";
    /** Functions that run with their owner's rights, which row-level security does not hold to any tenant. */
    private static final String DEFINERS = """
            SELECT p.pronamespace::regnamespace || '.' || p.proname FROM pg_proc p
            WHERE p.prosecdef AND has_function_privilege(current_user, p.oid, 'EXECUTE')
              AND p.pronamespace NOT IN ('pg_catalog'::regnamespace, 'information_schema'::regnamespace)
            ORDER BY 1""";
    /** Tables with a tenant column in schemas other than the application's, where the table checks do not look. */
    private static final String ELSEWHERE = """
            SELECT c.relnamespace::regnamespace || '.' || c.relname FROM pg_class c
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND a.attnum > 0 AND NOT a.attisdropped
            WHERE c.relkind IN ('r', 'p') AND c.relnamespace <> current_schema()::regnamespace
              AND c.relnamespace NOT IN ('pg_catalog'::regnamespace, 'information_schema'::regnamespace)
              AND c.relnamespace::regnamespace::text NOT LIKE 'pg_%'
            ORDER BY 1""";
    /** Columns that reference the tenant registry by another name than tenant_id: a tenant table in disguise. */
    private static final String DISGUISED = """
            SELECT c.relname || '.' || a.attname, r.relname FROM pg_constraint k
            JOIN pg_class c ON c.oid = k.conrelid
            JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]
            JOIN pg_class r ON r.oid = k.confrelid
            WHERE k.contype = 'f' AND cardinality(k.conkey) = 1 AND a.attname <> 'tenant_id' AND r.relname = ANY (?)
              AND r.relnamespace = current_schema()::regnamespace
            ORDER BY 1""";
    /** The foreign keys of tenant tables: to whom, whether they carry the tenant, whether they cascade. */
    private static final String FOREIGN_KEYS = """
            SELECT c.relname, k.conname, r.relname, r.relname = ANY (?),
                   EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey)
                           AND a.attname = 'tenant_id'),
                   k.confdeltype IN ('c', 'n', 'd') OR k.confupdtype IN ('c', 'n', 'd')
            FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class r ON r.oid = k.confrelid
            WHERE k.contype = 'f' AND c.relname = ANY (?) AND c.relnamespace = current_schema()::regnamespace
            ORDER BY 1, 2""";
    /** Rewrite rules, which run with their owner's rights; a view's own rule aside. */
    private static final String RULES = """
            SELECT c.relname || ': the rule ' || w.rulename FROM pg_rewrite w JOIN pg_class c ON c.oid = w.ev_class
            WHERE w.rulename <> '_RETURN'
              AND c.relnamespace NOT IN ('pg_catalog'::regnamespace, 'information_schema'::regnamespace)
            ORDER BY 1""";
    /** Functions of the schema that set the tenant: only the persistence adapter does. */
    private static final String SETTERS = """
            SELECT p.pronamespace::regnamespace || '.' || p.proname FROM pg_proc p
            WHERE p.pronamespace NOT IN ('pg_catalog'::regnamespace, 'information_schema'::regnamespace)
              AND p.prosrc ILIKE '%set_config%'
            ORDER BY 1""";
    private static final String OWNED = """
            SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE pg_has_role(?, c.relowner, 'MEMBER')
              AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'""";
    private static final String TEMPORARY = "SELECT has_database_privilege(current_user, current_database(), 'TEMP')";
    private static final String TABLE = """
            SELECT c.relrowsecurity, c.relforcerowsecurity, has_table_privilege(current_user, c.oid, 'TRUNCATE'),
                   has_table_privilege(current_user, c.oid, 'REFERENCES'), has_table_privilege(current_user, c.oid, 'TRIGGER')
            FROM pg_class c WHERE c.relname = ? AND c.relnamespace = current_schema()::regnamespace""";
    /** Unique indexes of a tenant table that leave its tenant column out. */
    private static final String SHARED_KEYS = """
            SELECT i.relname FROM pg_index x JOIN pg_class c ON c.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid
            WHERE x.indisunique AND c.relname = ? AND c.relnamespace = current_schema()::regnamespace
              AND NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum = ANY (x.indkey)
                              AND a.attname = ?)
            ORDER BY 1""";
    private static final String POLICIES = """
            SELECT p.policyname, p.permissive = 'RESTRICTIVE', p.cmd, p.qual, coalesce(p.with_check, p.qual)
            FROM pg_policies p
            WHERE p.schemaname = current_schema() AND p.tablename = ?
              AND EXISTS (SELECT 1 FROM unnest(p.roles) r(name)
                          WHERE r.name = 'public' OR pg_has_role(current_user, r.name, 'MEMBER'))
            ORDER BY p.policyname""";

    private RlsSelfCheck() {
    }

    /** Throws {@link UnsafeDatabase} listing every problem found through {@code appDataSource}. */
    public static void verify(DataSource appDataSource, String bypassRole, boolean allowUnpatchedServer) {
        List<String> problems = new ArrayList<>();
        try (Connection connection = appDataSource.getConnection()) {
            problems.addAll(schemaProblems(connection, bypassRole));
            checkVersion(connection, allowUnpatchedServer, problems);
        } catch (SQLException e) {
            throw new IllegalStateException("could not inspect the database: " + e.getMessage(), e);
        }
        if (!problems.isEmpty()) {
            throw new UnsafeDatabase(problems);
        }
    }

    /**
     * Every problem of the roles, tables, policies, grants and views, seen through {@code application} (a connection
     * as the application role); the server's version aside, as a build judges the migrations, not its server.
     */
    public static List<String> schemaProblems(Connection application, String bypassRole) throws SQLException {
        List<String> problems = new ArrayList<>();
        String app = application.getMetaData().getUserName();
        checkRole(application, app, "the application role", problems);
        checkRole(application, bypassRole, "the bypass role", problems);
        checkTemporary(application, problems);
        List<TenantSchema.Table> tables = TenantSchema.read(application);
        if (tables.isEmpty()) {
            problems.add("no table has a tenant_id column (are the migrations applied?)");
        }
        for (TenantSchema.Table table : tables) {
            checkTable(application, table, problems);
        }
        checkUnguarded(application, tables, problems);
        checkOutsideRowLevelSecurity(application, tables, problems);
        return problems;
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

    private static void checkTable(Connection connection, TenantSchema.Table table, List<String> problems)
            throws SQLException {
        String name = table.name();
        try (PreparedStatement flags = connection.prepareStatement(TABLE)) {
            flags.setString(1, name);
            try (ResultSet rows = flags.executeQuery()) {
                rows.next();
                if (!rows.getBoolean(1)) {
                    problems.add(name + ": row-level security is not enabled");
                }
                if (!rows.getBoolean(2)) {
                    problems.add(name + ": row-level security is not forced");
                }
                List<String> privileges = List.of("TRUNCATE", "REFERENCES", "TRIGGER");
                for (int i = 0; i < privileges.size(); i++) {
                    if (rows.getBoolean(3 + i)) {
                        problems.add(name + ": the application role has " + privileges.get(i)
                                + " on it (row-level security does not stop it)");
                    }
                }
            }
        }
        try (PreparedStatement keys = connection.prepareStatement(SHARED_KEYS)) {
            keys.setString(1, name);
            keys.setString(2, table.tenantColumn());
            try (ResultSet rows = keys.executeQuery()) {
                while (rows.next()) {
                    problems.add(name + ": the unique index " + rows.getString(1) + " leaves out " + table.tenantColumn()
                            + "; a key shared by all tenants tells one tenant what another holds");
                }
            }
        }
        boolean restricted = false;
        try (PreparedStatement policies = connection.prepareStatement(POLICIES)) {
            policies.setString(1, name);
            try (ResultSet rows = policies.executeQuery()) {
                while (rows.next()) {
                    boolean guarded = TenantSchema.carries(rows.getString(4), table.predicate())
                            && TenantSchema.carries(rows.getString(5), table.predicate());
                    if (rows.getBoolean(2)) {
                        restricted |= guarded && rows.getString(3).equals("ALL");
                    } else if (!guarded) {
                        problems.add(name + ": the permissive policy " + rows.getString(1) + " for the application role"
                                + " does not carry the tenant predicate " + table.predicate()
                                + " in USING and WITH CHECK, and PostgreSQL ORs permissive policies together");
                    }
                }
            }
        }
        if (!restricted) {
            problems.add(name + ": no RESTRICTIVE policy for all commands carries the tenant predicate "
                    + table.predicate() + " in USING and WITH CHECK for the application role");
        }
    }

    private static void checkUnguarded(Connection connection, List<TenantSchema.Table> tables, List<String> problems)
            throws SQLException {
        try (PreparedStatement unguarded = connection.prepareStatement(UNGUARDED)) {
            unguarded.setArray(1, connection.createArrayOf("text",
                    tables.stream().map(TenantSchema.Table::name).toArray()));
            try (ResultSet rows = unguarded.executeQuery()) {
                while (rows.next()) {
                    String kind = switch (rows.getString(2)) {
                        case "m" -> "a materialized view";
                        case "f" -> "a foreign table";
                        default -> "a view without security_invoker";
                    };
                    problems.add(rows.getString(1) + ": " + kind + " over tenant data; row-level security does not "
                            + "apply to it");
                }
            }
        }
    }

    private static void checkOutsideRowLevelSecurity(Connection connection, List<TenantSchema.Table> tables,
                                                     List<String> problems) throws SQLException {
        for (String function : strings(connection, DEFINERS)) {
            problems.add(function + ": a SECURITY DEFINER function the application role may execute; it runs with its "
                    + "owner's rights, outside row-level security");
        }
        for (String table : strings(connection, ELSEWHERE)) {
            problems.add(table + ": a table with a tenant_id column outside the application's schema, where these "
                    + "checks do not look; keep tenant tables in one schema");
        }
        try (PreparedStatement disguised = connection.prepareStatement(DISGUISED)) {
            disguised.setArray(1, connection.createArrayOf("text", tables.stream()
                    .filter(table -> !table.tenantColumn().equals(TenantSchema.TENANT_COLUMN))
                    .map(TenantSchema.Table::name).toArray()));
            try (ResultSet rows = disguised.executeQuery()) {
                while (rows.next()) {
                    problems.add(rows.getString(1) + " references " + rows.getString(2) + ": name a tenant column "
                            + "tenant_id, so that its table is checked as a tenant table");
                }
            }
        }
        for (String rule : strings(connection, RULES)) {
            problems.add(rule + " runs with its owner's rights, outside row-level security; use a trigger or the "
                    + "application instead");
        }
        for (String function : strings(connection, SETTERS)) {
            problems.add(function + ": a function that calls set_config; only the persistence adapter sets the tenant");
        }
        checkForeignKeys(connection, tables, problems);
        List<String> preset = strings(connection, "SELECT current_setting('app.tenant_id', true)");
        if (!preset.isEmpty() && preset.getFirst() != null && !preset.getFirst().isEmpty()) {
            problems.add("app.tenant_id is '" + preset.getFirst() + "' when a session starts (a default on the role, the "
                    + "database or the server); it must be empty until a transaction sets it");
        }
    }

    private static void checkForeignKeys(Connection connection, List<TenantSchema.Table> tables, List<String> problems)
            throws SQLException {
        Object[] tenantTables = tables.stream().map(TenantSchema.Table::name).toArray();
        List<String> registries = tables.stream().filter(table -> !table.tenantColumn().equals(TenantSchema.TENANT_COLUMN))
                .map(TenantSchema.Table::name).toList();
        try (PreparedStatement keys = connection.prepareStatement(FOREIGN_KEYS)) {
            keys.setArray(1, connection.createArrayOf("text", tenantTables));
            keys.setArray(2, connection.createArrayOf("text", tenantTables));
            try (ResultSet rows = keys.executeQuery()) {
                while (rows.next()) {
                    String table = rows.getString(1);
                    String key = rows.getString(2);
                    String target = rows.getString(3);
                    if (registries.contains(target)) {
                        continue;
                    }
                    if (rows.getBoolean(4) && !rows.getBoolean(5)) {
                        problems.add(table + ": the foreign key " + key + " to " + target + " leaves out tenant_id; "
                                + "a row could point into another tenant's");
                    } else if (!rows.getBoolean(4) && rows.getBoolean(6)) {
                        problems.add(table + ": the foreign key " + key + " cascades from " + target + ", a table "
                                + "shared by all tenants; a change there reaches every tenant's rows, past row-level "
                                + "security");
                    }
                }
            }
        }
    }

    private static List<String> strings(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
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
