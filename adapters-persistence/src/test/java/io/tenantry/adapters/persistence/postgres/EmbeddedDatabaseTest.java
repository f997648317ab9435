package io.tenantry.adapters.persistence.postgres;

import io.tenantry.application.contract.Orders;
import io.tenantry.domain.order.Order;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;

import static io.tenantry.kernel.testing.TwoTenants.MEMBER_A;
import static io.tenantry.kernel.testing.TwoTenants.MEMBER_B;
import static io.tenantry.kernel.testing.TwoTenants.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded default, always exercised (also where a server is configured for the other tests): the packaged
 * PostgreSQL starts, migrations create the roles and policies, the self-check passes and RLS isolates.
 */
class EmbeddedDatabaseTest {

    @Test
    void theEmbeddedServerIsolatesTenantsWithRealRls() throws java.sql.SQLException {
        try (EmbeddedDatabase server = EmbeddedDatabase.start(null)) {
            server.createDatabase("tenantry");
            PostgresSettings settings = new PostgresSettings(server.jdbcUrl("tenantry"),
                    new PostgresSettings.Login("postgres", "postgres"),
                    new PostgresSettings.Login("tenantry_app", "app"), new PostgresSettings.Login("tenantry_bypass", "bypass"),
                    2, 1, true);
            assertEquals(5, new SchemaMigrator(settings).migrate());
            assertEquals(0, new SchemaMigrator(settings).migrate(), "migrating again does nothing");
            try (PostgresPersistence persistence = PostgresPersistence.start(settings, Clock.systemUTC(), Duration.ofHours(1))) {
                try (var owner = java.sql.DriverManager.getConnection(settings.url(), "postgres", "postgres");
                     var statement = owner.createStatement()) {
                    statement.execute("INSERT INTO tenants (id, name, tier, status) VALUES "
                            + "('tenant-a', 'A', 'pro', 'active'), ('tenant-b', 'B', 'free', 'active')");
                }
                Order ofA = Orders.sample("customer of A");
                as(MEMBER_A, () -> persistence.orders().add(ofA));
                assertTrue(as(MEMBER_A, () -> persistence.orders().find(ofA.id())).isPresent());
                assertTrue(as(MEMBER_B, () -> persistence.orders().find(ofA.id())).isEmpty());
            }
        }
    }
}
