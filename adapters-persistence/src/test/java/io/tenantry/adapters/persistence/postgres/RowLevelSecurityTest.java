package io.tenantry.adapters.persistence.postgres;

import io.tenantry.application.contract.Orders;
import io.tenantry.domain.order.Order;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static io.tenantry.kernel.testing.TwoTenants.MEMBER_A;
import static io.tenantry.kernel.testing.TwoTenants.MEMBER_B;
import static io.tenantry.kernel.testing.TwoTenants.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The database layer on its own: raw SQL as the application role, without the repositories' SQL filter, shows that
 * PostgreSQL alone keeps tenants apart. A pool of one connection makes the pooled-connection checks deterministic.
 */
class RowLevelSecurityTest {

    private static PostgresFixture fixture;
    private Order orderOfA;

    @BeforeAll
    static void database() {
        fixture = PostgresFixture.dedicated(PostgresFixture.Mode.BOTH, 1);
    }

    @AfterAll
    static void dropDatabase() {
        fixture.close();
    }

    @BeforeEach
    void givenAnOrderOfTenantA() {
        fixture.reset();
        orderOfA = Orders.sample("customer of A");
        as(MEMBER_A, () -> fixture.orders().add(orderOfA));
    }

    @Test
    void withoutATenantSettingNothingIsVisibleAndNothingCanBeInserted() throws SQLException {
        try (Connection app = fixture.database().asApplication()) {
            assertEquals(0, count(app, "SELECT count(*) FROM orders"));
            assertEquals(0, count(app, "SELECT count(*) FROM order_lines"));
            assertEquals(0, count(app, "SELECT count(*) FROM tenants"));
            PSQLException refused = assertThrows(PSQLException.class, () -> insertOrder(app, "tenant-a"));
            assertTrue(refused.getMessage().contains("row-level security"), refused.getMessage());
            assertEquals(2, inTenant(app, "tenant-a", () -> count(app, "SELECT count(*) FROM order_lines")),
                    "positive control: with the setting, tenant A sees its two lines");
        }
    }

    @Test
    void anEmptySettingFailsClosedLikeAMissingOne() throws SQLException {
        try (Connection app = fixture.database().asApplication()) {
            assertEquals(0, inTenant(app, "", () -> count(app, "SELECT count(*) FROM orders")));
            assertEquals(1, inTenant(app, "tenant-a", () -> count(app, "SELECT count(*) FROM orders")));
        }
    }

    @Test
    void tenantBCannotReferenceTenantAsOrderFromAChildRow() throws SQLException {
        String line = "INSERT INTO order_lines (tenant_id, order_id, line_no, sku, quantity, unit_price_cents) "
                + "VALUES (?, '" + orderOfA.id() + "', 99, 'X', 1, 1)";
        try (Connection app = fixture.database().asApplication()) {
            PSQLException asOwnTenant = assertThrows(PSQLException.class,
                    () -> inTenant(app, "tenant-b", () -> update(app, line, "tenant-b")));
            assertEquals("23503", asOwnTenant.getSQLState(), "the foreign key includes tenant_id: no such order in B");
            PSQLException asOtherTenant = assertThrows(PSQLException.class,
                    () -> inTenant(app, "tenant-b", () -> update(app, line, "tenant-a")));
            assertTrue(asOtherTenant.getMessage().contains("row-level security"), asOtherTenant.getMessage());
            assertEquals(1, inTenant(app, "tenant-a", () -> update(app, line, "tenant-a")), "positive control");
        }
    }

    @Test
    void tenantACannotMoveItsRowToTenantB() throws SQLException {
        String move = "UPDATE orders SET tenant_id = 'tenant-b' WHERE id = '" + orderOfA.id() + "'";
        String rename = "UPDATE orders SET customer = 'renamed' WHERE id = '" + orderOfA.id() + "'";
        try (Connection app = fixture.database().asApplication()) {
            PSQLException refused = assertThrows(PSQLException.class,
                    () -> inTenant(app, "tenant-a", () -> update(app, move)));
            assertTrue(refused.getMessage().contains("row-level security"), refused.getMessage());
            assertEquals(0, inTenant(app, "tenant-b", () -> update(app, rename)), "B cannot update A's row");
            assertEquals(1, inTenant(app, "tenant-a", () -> update(app, rename)), "positive control");
        }
    }

    @Test
    void aBorrowedConnectionCarriesNoTenantSettingFromTheLastBorrower() throws SQLException {
        as(MEMBER_B, () -> fixture.orders().count());
        as(MEMBER_A, () -> fixture.orders().find(orderOfA.id()));
        try (Connection pooled = fixture.persistence().applicationDataSource().getConnection()) {
            String seen = setting(pooled);
            assertTrue(seen == null || seen.isEmpty(), "a pooled connection must not keep 'app.tenant_id', was '" + seen + "'");
            assertEquals(0, count(pooled, "SELECT count(*) FROM orders"));
            assertEquals("tenant-a", inTenant(pooled, "tenant-a", () -> setting(pooled)), "positive control");
        }
    }

    @Test
    void theAuditLogRefusesUpdateAndDeleteEvenToItsOwner() throws SQLException {
        String insert = "INSERT INTO audit_log (id, at, actor, actor_tenant, action, target_scope, justification, outcome, rows) "
                + "VALUES (gen_random_uuid(), now(), 'root', 'platform', 'test', 'all-tenants', 'test', 'success', 0)";
        try (Connection bypass = fixture.database().asBypass(); Connection owner = fixture.database().asOwner()) {
            assertEquals(1, update(bypass, insert), "positive control: the bypass role appends");
            assertEquals("42501", assertThrows(PSQLException.class, () -> update(bypass, "UPDATE audit_log SET rows = 7")).getSQLState());
            assertEquals("42501", assertThrows(PSQLException.class, () -> update(bypass, "DELETE FROM audit_log")).getSQLState());
            assertTrue(assertThrows(PSQLException.class, () -> update(owner, "UPDATE audit_log SET rows = 7"))
                    .getMessage().contains("append-only"));
            assertTrue(assertThrows(PSQLException.class, () -> update(owner, "DELETE FROM audit_log"))
                    .getMessage().contains("append-only"));
            assertTrue(assertThrows(PSQLException.class, () -> update(owner, "TRUNCATE audit_log"))
                    .getMessage().contains("append-only"));
            assertEquals(1, count(bypass, "SELECT count(*) FROM audit_log"));
        }
        try (Connection app = fixture.database().asApplication()) {
            assertEquals("42501", assertThrows(PSQLException.class, () -> count(app, "SELECT count(*) FROM audit_log")).getSQLState(),
                    "the application role cannot even read the audit log");
        }
    }

    @Test
    void theBypassRoleReadsEveryTenantButCannotChangeTenantData() throws SQLException {
        as(MEMBER_B, () -> fixture.orders().add(Orders.sample("customer of B")));
        try (Connection bypass = fixture.database().asBypass()) {
            assertEquals(2, count(bypass, "SELECT count(*) FROM orders"));
            assertEquals("42501", assertThrows(PSQLException.class, () -> update(bypass, "DELETE FROM orders")).getSQLState());
            assertEquals("42501", assertThrows(PSQLException.class, () -> update(bypass, "UPDATE orders SET customer = 'x'")).getSQLState());
        }
    }

    static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String setting(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT current_setting('app.tenant_id', true)")) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static int update(Connection connection, String sql, String... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }

    private void insertOrder(Connection connection, String tenant) throws SQLException {
        update(connection, "INSERT INTO orders (tenant_id, id, customer, status, total_cents, created_at, updated_at) "
                + "VALUES (?, gen_random_uuid(), 'x', 'open', 0, now(), now())", tenant);
    }

    /** Runs {@code work} in a transaction with {@code app.tenant_id} set locally, then rolls back. */
    static <T> T inTenant(Connection connection, String tenant, SqlWork<T> work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            try (PreparedStatement set = connection.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
                set.setString(1, tenant);
                set.execute();
            }
            return work.run();
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    @FunctionalInterface
    interface SqlWork<T> {
        T run() throws SQLException;
    }

    @Test
    void positiveControlTenantBStillSeesItsOwnRows() {
        as(MEMBER_B, () -> fixture.orders().add(Orders.sample("customer of B")));
        assertEquals(1, as(MEMBER_B, fixture.orders()::count));
        assertNull(as(MEMBER_B, () -> fixture.orders().find(orderOfA.id()).orElse(null)));
    }
}
