package io.tenantry.adapters.persistence.postgres;

import io.tenantry.application.contract.Orders;
import io.tenantry.domain.order.Order;
import org.junit.jupiter.api.Test;

import java.sql.Connection;

import static io.tenantry.kernel.testing.TwoTenants.MEMBER_A;
import static io.tenantry.kernel.testing.TwoTenants.MEMBER_B;
import static io.tenantry.kernel.testing.TwoTenants.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Proves the isolation modes do what they claim, so the contract suites run in them prove something: in RLS_ONLY
 * the SQL filter is really gone (turn RLS off too and B sees A's order), in FILTER_ONLY RLS is really gone (raw SQL
 * without a tenant setting sees every row).
 */
class IsolationModesTest {

    @Test
    void inRlsOnlyModeTheSqlFilterIsGone() {
        PostgresFixture fixture = PostgresFixture.dedicated(PostgresFixture.Mode.RLS_ONLY, 2);
        try {
            fixture.reset();
            Order ofA = Orders.sample("customer of A");
            as(MEMBER_A, () -> fixture.orders().add(ofA));
            assertTrue(as(MEMBER_B, () -> fixture.orders().find(ofA.id())).isEmpty(), "RLS alone keeps B out");
            fixture.database().execute("ALTER TABLE orders NO FORCE ROW LEVEL SECURITY",
                    "ALTER TABLE orders DISABLE ROW LEVEL SECURITY",
                    "ALTER TABLE order_lines NO FORCE ROW LEVEL SECURITY",
                    "ALTER TABLE order_lines DISABLE ROW LEVEL SECURITY");
            assertTrue(as(MEMBER_B, () -> fixture.orders().find(ofA.id())).isPresent(),
                    "with RLS off as well, nothing is left to stop B: the filter was really removed");
        } finally {
            fixture.close();
        }
    }

    @Test
    void inFilterOnlyModeRowLevelSecurityIsGone() throws Exception {
        PostgresFixture fixture = PostgresFixture.dedicated(PostgresFixture.Mode.FILTER_ONLY, 2);
        try {
            fixture.reset();
            as(MEMBER_A, () -> fixture.orders().add(Orders.sample("customer of A")));
            as(MEMBER_B, () -> fixture.orders().add(Orders.sample("customer of B")));
            assertEquals(1, as(MEMBER_B, fixture.orders()::count), "the SQL filter alone keeps A out");
            try (Connection app = fixture.database().asApplication()) {
                assertEquals(2, RowLevelSecurityTest.count(app, "SELECT count(*) FROM orders"),
                        "without policies raw SQL sees every row: RLS was really removed");
            }
        } finally {
            fixture.close();
        }
    }
}
