package io.tenantry.adapters.persistence.postgres;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The catalog agrees with the design (roles, FORCE RLS, policies, grants), and the startup self-check refuses a
 * database that breaks it. Each refusal starts from a database that passes (positive control).
 */
class CatalogTest {

    private TestDatabase database;

    @BeforeEach
    void migratedDatabase() {
        database = TestDatabase.migrated(2);
    }

    @AfterEach
    void drop() {
        database.close();
    }

    @Test
    void rolesAreNeitherSuperusersNorBypassRls() throws SQLException {
        for (String role : List.of(database.settings().app().user(), database.settings().bypass().user())) {
            List<String> flags = strings("SELECT concat_ws(',', rolsuper, rolbypassrls, rolcreaterole, rolcreatedb) "
                    + "FROM pg_roles WHERE rolname = ?", role);
            assertEquals(List.of("f,f,f,f"), flags, role);
        }
    }

    @Test
    void everyTenantTableForcesRowLevelSecurityWithAGuardedPolicy() throws SQLException {
        String app = database.settings().app().user();
        for (String table : PostgresFixture.TENANT_TABLES) {
            assertEquals(List.of("t,t"), strings("SELECT concat_ws(',', relrowsecurity, relforcerowsecurity) FROM pg_class "
                    + "WHERE relname = ? AND relnamespace = 'public'::regnamespace", table), table);
            List<String> policies = strings("SELECT policyname || ' ' || permissive || ' ' || cmd || ' ' || qual || ' | ' "
                    + "|| with_check FROM pg_policies WHERE tablename = ? AND ? = ANY (roles) ORDER BY policyname", table, app);
            String column = table.equals("tenants") ? "id" : "tenant_id";
            String guard = "(" + column + " = NULLIF(current_setting('app.tenant_id'::text, true), ''::text))";
            assertEquals(List.of("tenant_isolation RESTRICTIVE ALL " + guard + " | " + guard,
                    "tenant_rows PERMISSIVE ALL " + guard + " | " + guard), policies, table);
            assertEquals(List.of("false"), strings("SELECT (pg_get_userbyid(relowner) = ?)::text FROM pg_class "
                    + "WHERE relname = ? AND relnamespace = 'public'::regnamespace", app, table), table + " is not owned by the app role");
        }
    }

    @Test
    void theApplicationRoleHasNoTruncateReferencesOrAuditAccess() throws SQLException {
        String app = database.settings().app().user();
        String bypass = database.settings().bypass().user();
        for (String table : PostgresFixture.TENANT_TABLES) {
            for (String privilege : List.of("TRUNCATE", "REFERENCES", "TRIGGER")) {
                assertFalse(privilege(app, table, privilege), app + " " + privilege + " " + table);
                assertFalse(privilege(bypass, table, privilege), bypass + " " + privilege + " " + table);
            }
        }
        for (String privilege : List.of("SELECT", "INSERT", "UPDATE", "DELETE")) {
            assertFalse(privilege(app, "audit_log", privilege), "app " + privilege + " audit_log");
        }
        assertTrue(privilege(bypass, "audit_log", "INSERT"), "positive control: the bypass role appends");
        assertFalse(privilege(bypass, "audit_log", "UPDATE"));
        assertFalse(privilege(bypass, "audit_log", "DELETE"));
        assertTrue(privilege(app, "orders", "DELETE"), "positive control: the app role works on its tables");
        assertFalse(privilege(bypass, "orders", "DELETE"));
        assertFalse(privilege(app, "tenants", "UPDATE"), "only the bypass role manages tenants");
    }

    @Test
    void theSelfCheckPassesOnAMigratedDatabase() {
        try (PostgresPersistence persistence = PostgresPersistence.start(database.settings(), java.time.Clock.systemUTC(),
                java.time.Duration.ofHours(1))) {
            assertTrue(persistence.applicationDataSource() != null);
        }
    }

    @Test
    void theSelfCheckRefusesAnApplicationRoleThatBypassesRls() {
        database.execute("ALTER ROLE " + database.settings().app().user() + " BYPASSRLS");
        UnsafeDatabase refused = assertThrows(UnsafeDatabase.class, this::start);
        assertEquals(List.of("the application role has BYPASSRLS"), refused.problems());
    }

    @Test
    void theSelfCheckRefusesATableWithoutForcedRls() {
        database.execute("ALTER TABLE orders NO FORCE ROW LEVEL SECURITY");
        UnsafeDatabase refused = assertThrows(UnsafeDatabase.class, this::start);
        assertEquals(List.of("orders: row-level security is not forced"), refused.problems());
    }

    @Test
    void theSelfCheckRefusesALoosePolicyOrAMissingOne() {
        String app = database.settings().app().user();
        database.execute("CREATE POLICY everything ON users TO " + app + " USING (true)",
                "CREATE POLICY public_rows ON orders TO " + app + " USING ("
                        + "tenant_id = NULLIF(current_setting('app.tenant_id', true), '') OR status = 'open')",
                "DROP POLICY tenant_isolation ON order_lines");
        UnsafeDatabase refused = assertThrows(UnsafeDatabase.class, this::start);
        assertEquals(List.of(
                "order_lines: no RESTRICTIVE policy for all commands carries the tenant predicate " + guard("tenant_id")
                        + " in USING and WITH CHECK for the application role",
                "orders: the permissive policy public_rows for the application role does not carry the tenant predicate "
                        + guard("tenant_id") + " in USING and WITH CHECK, and PostgreSQL ORs permissive policies together",
                "users: the permissive policy everything for the application role does not carry the tenant predicate "
                        + guard("tenant_id") + " in USING and WITH CHECK, and PostgreSQL ORs permissive policies together"),
                refused.problems());
        database.execute("DROP POLICY everything ON users", "DROP POLICY public_rows ON orders",
                "CREATE POLICY tenant_isolation ON order_lines AS RESTRICTIVE TO " + app
                        + " USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '') AND quantity > 0)",
                "CREATE POLICY open_rows ON orders AS RESTRICTIVE TO " + app + " USING (status <> 'deleted')");
        start();
    }

    @Test
    void theSelfCheckRefusesAPolicyThatOnlyNarrowsOrOnlyOnSomeCommands() {
        String app = database.settings().app().user();
        database.execute("DROP POLICY tenant_isolation ON users",
                "CREATE POLICY tenant_isolation ON users AS RESTRICTIVE FOR SELECT TO " + app
                        + " USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), ''))");
        UnsafeDatabase refused = assertThrows(UnsafeDatabase.class, this::start);
        assertEquals(List.of("users: no RESTRICTIVE policy for all commands carries the tenant predicate "
                + guard("tenant_id") + " in USING and WITH CHECK for the application role"), refused.problems());
    }

    @Test
    void theSelfCheckRefusesTruncateReferencesOrTriggerOnATenantTable() {
        String app = database.settings().app().user();
        database.execute("GRANT TRUNCATE, REFERENCES ON orders TO " + app, "GRANT TRIGGER ON users TO " + app);
        UnsafeDatabase refused = assertThrows(UnsafeDatabase.class, this::start);
        assertEquals(List.of("orders: the application role has TRUNCATE on it (row-level security does not stop it)",
                "orders: the application role has REFERENCES on it (row-level security does not stop it)",
                "users: the application role has TRIGGER on it (row-level security does not stop it)"), refused.problems());
        database.execute("REVOKE TRUNCATE, REFERENCES ON orders FROM " + app, "REVOKE TRIGGER ON users FROM " + app);
        start();
    }

    @Test
    void theSelfCheckRefusesAUniqueKeySharedByAllTenants() {
        database.execute("CREATE UNIQUE INDEX orders_one_per_customer ON orders (customer)");
        UnsafeDatabase refused = assertThrows(UnsafeDatabase.class, this::start);
        assertEquals(List.of("orders: the unique index orders_one_per_customer leaves out tenant_id; a key shared by all "
                + "tenants tells one tenant what another holds"), refused.problems());
        database.execute("DROP INDEX orders_one_per_customer",
                "CREATE UNIQUE INDEX orders_one_per_customer ON orders (tenant_id, customer)");
        start();
    }

    private static String guard(String column) {
        return "(" + column + " = NULLIF(current_setting('app.tenant_id'::text, true), ''::text))";
    }

    @Test
    void theSelfCheckRefusesAnApplicationRoleThatOwnsATable() {
        database.execute("CREATE TABLE stray (id int)", "ALTER TABLE stray OWNER TO " + database.settings().app().user());
        UnsafeDatabase refused = assertThrows(UnsafeDatabase.class, this::start);
        assertTrue(refused.problems().getFirst().startsWith("the application role owns 1 relations"), refused.getMessage());
    }

    @Test
    void theAuditTriggersFireEvenInAReplicaSession() throws SQLException {
        database.execute("INSERT INTO audit_log (id, at, actor, actor_tenant, action, target_scope, justification, outcome, rows)"
                + " VALUES (gen_random_uuid(), now(), 'root', 'platform', 'test', 'all', 'catalog test', 'success', 0)");
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> database.execute(
                "SET session_replication_role = replica", "DELETE FROM audit_log"));
        assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
        assertThrows(IllegalStateException.class, () -> database.execute("SET session_replication_role = replica",
                "TRUNCATE audit_log"));
        assertEquals("1", database.query("SELECT count(*) FROM audit_log"), "the row is still there");
    }

    @Test
    void neitherRuntimeRoleMayCreateTemporaryTables() throws SQLException {
        for (Connection connection : List.of(database.asApplication(), database.asBypass())) {
            try (connection; java.sql.Statement statement = connection.createStatement()) {
                SQLException refused = assertThrows(SQLException.class, () -> statement.execute("CREATE TEMP TABLE staged (id int)"));
                assertEquals("42501", refused.getSQLState());
            }
        }
        try (Connection owner = database.asOwner(); java.sql.Statement statement = owner.createStatement()) {
            statement.execute("CREATE TEMP TABLE staged (id int)");
        }
    }

    @Test
    void theSelfCheckRefusesTemporaryTablesForTheApplicationRole() {
        database.execute("GRANT TEMPORARY ON DATABASE " + database.name() + " TO " + database.settings().app().user());
        UnsafeDatabase refused = assertThrows(UnsafeDatabase.class, this::start);
        assertEquals(List.of("the application role may create temporary tables (REVOKE TEMPORARY ON DATABASE ... FROM PUBLIC)"),
                refused.problems());
    }

    @Test
    void theSelfCheckFollowsRoleMembership() {
        String app = database.settings().app().user();
        String privileged = "privileged_" + app;
        try {
            database.execute("CREATE ROLE " + privileged + " NOLOGIN BYPASSRLS", "GRANT " + privileged + " TO " + app);
            UnsafeDatabase refused = assertThrows(UnsafeDatabase.class, this::start);
            assertEquals(List.of("the application role has BYPASSRLS (as a member of " + privileged + ")"), refused.problems());

            database.execute("REVOKE " + privileged + " FROM " + app, "ALTER ROLE " + privileged + " NOBYPASSRLS",
                    "GRANT " + privileged + " TO " + app, "CREATE POLICY everything ON orders TO " + privileged + " USING (true)");
            refused = assertThrows(UnsafeDatabase.class, this::start);
            assertEquals(List.of("orders: the permissive policy everything for the application role does not carry the tenant "
                    + "predicate " + guard("tenant_id") + " in USING and WITH CHECK, and PostgreSQL ORs permissive policies "
                    + "together"), refused.problems(),
                    "a loose policy for a role the application role belongs to reaches it too");

            database.execute("DROP POLICY everything ON orders");
            start();
        } finally {
            database.execute("DROP ROLE IF EXISTS " + privileged);
        }
    }

    @Test
    void theSelfCheckFindsEveryTableWithATenantColumn() {
        database.execute("CREATE TABLE invoices (tenant_id text NOT NULL, id uuid, PRIMARY KEY (tenant_id, id))",
                "GRANT SELECT ON invoices TO " + database.settings().app().user());
        UnsafeDatabase refused = assertThrows(UnsafeDatabase.class, this::start);
        assertEquals(List.of("invoices: row-level security is not enabled", "invoices: row-level security is not forced",
                "invoices: no RESTRICTIVE policy for all commands carries the tenant predicate " + guard("tenant_id")
                        + " in USING and WITH CHECK for the application role"),
                refused.problems());
        String guard = "tenant_id = NULLIF(current_setting('app.tenant_id', true), '')";
        database.execute("ALTER TABLE invoices ENABLE ROW LEVEL SECURITY", "ALTER TABLE invoices FORCE ROW LEVEL SECURITY",
                "CREATE POLICY tenant_isolation ON invoices AS RESTRICTIVE TO " + database.settings().app().user()
                        + " USING (" + guard + ") WITH CHECK (" + guard + ")");
        start();
    }

    @Test
    void theSelfCheckRefusesReadableRelationsThatRowLevelSecurityDoesNotGuard() {
        String app = database.settings().app().user();
        database.execute("CREATE MATERIALIZED VIEW order_totals AS SELECT tenant_id, sum(total_cents) AS total FROM orders GROUP BY tenant_id",
                "CREATE VIEW open_orders AS SELECT tenant_id, id FROM orders WHERE status = 'open'",
                "GRANT SELECT ON order_totals, open_orders TO " + app);
        UnsafeDatabase refused = assertThrows(UnsafeDatabase.class, this::start);
        assertEquals(List.of(
                "open_orders: a view without security_invoker over tenant data; row-level security does not apply to it",
                "order_totals: a materialized view over tenant data; row-level security does not apply to it"),
                refused.problems());
        database.execute("DROP MATERIALIZED VIEW order_totals", "ALTER VIEW open_orders SET (security_invoker = true)");
        start();
    }

    @Test
    void theSelfCheckRefusesAViewOverATenantTableEvenWithoutATenantColumnOrAGrant() {
        database.execute("CREATE VIEW order_sums AS SELECT sum(total_cents) AS total FROM orders",
                "CREATE MATERIALIZED VIEW customers AS SELECT DISTINCT customer FROM orders");
        UnsafeDatabase refused = assertThrows(UnsafeDatabase.class, this::start);
        assertEquals(List.of("customers: a materialized view over tenant data; row-level security does not apply to it",
                "order_sums: a view without security_invoker over tenant data; row-level security does not apply to it"),
                refused.problems());
        database.execute("DROP MATERIALIZED VIEW customers", "ALTER VIEW order_sums SET (security_invoker = true)");
        start();
    }

    @Test
    void theSelfCheckRefusesARoleThatMayCreateRoles() {
        database.execute("ALTER ROLE " + database.settings().bypass().user() + " CREATEROLE");
        UnsafeDatabase refused = assertThrows(UnsafeDatabase.class, this::start);
        assertEquals(List.of("the bypass role has CREATEROLE (it could grant itself a privileged role)"), refused.problems());
        database.execute("ALTER ROLE " + database.settings().bypass().user() + " NOCREATEROLE");
        start();
    }

    @Test
    void theSelfCheckRefusesAPrivilegedBypassRole() {
        database.execute("ALTER ROLE " + database.settings().bypass().user() + " BYPASSRLS");
        UnsafeDatabase refused = assertThrows(UnsafeDatabase.class, this::start);
        assertEquals(List.of("the bypass role has BYPASSRLS"), refused.problems());
        database.execute("ALTER ROLE " + database.settings().bypass().user() + " NOBYPASSRLS");
        start();
    }

    private void start() {
        PostgresPersistence.start(database.settings(), java.time.Clock.systemUTC(), java.time.Duration.ofHours(1)).close();
    }

    private boolean privilege(String role, String table, String privilege) throws SQLException {
        return strings("SELECT has_table_privilege(?, ?, ?)::text", role, table, privilege).equals(List.of("true"));
    }

    private List<String> strings(String sql, String... parameters) throws SQLException {
        try (Connection owner = database.asOwner(); PreparedStatement statement = owner.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }
}
