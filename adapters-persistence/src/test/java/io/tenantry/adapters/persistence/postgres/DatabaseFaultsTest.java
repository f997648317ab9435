package io.tenantry.adapters.persistence.postgres;

import io.tenantry.adapters.persistence.faults.TcpRelay;
import io.tenantry.adapters.persistence.jdbi.ConnectionRole;
import io.tenantry.adapters.persistence.jdbi.JdbiTenantDirectory;
import io.tenantry.adapters.persistence.jdbi.TenantJdbi;
import io.tenantry.application.health.DependencyUnavailable;
import io.tenantry.kernel.testing.Eventually;
import io.tenantry.kernel.testing.TwoTenants;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;

import static io.tenantry.kernel.testing.TwoTenants.MEMBER_A;
import static io.tenantry.kernel.testing.TwoTenants.as;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A database that cannot be reached is {@link DependencyUnavailable} wherever the failure surfaces, and while it is
 * known to be down requests fail at once; the faults are real (a killed backend, a cut TCP relay).
 */
class DatabaseFaultsTest {

    private static final Duration CHECKOUT = Duration.ofMillis(500);
    private static TestDatabase database;

    @BeforeAll
    static void migrated() {
        database = TestDatabase.migrated(2);
        database.execute("INSERT INTO tenants (id, name, tier, status) VALUES ('" + TwoTenants.A.value() + "', 'A', 'pro', 'active')");
    }

    @AfterAll
    static void drop() {
        database.close();
    }

    /** Hands out new connections whose server process was terminated before the caller gets them. */
    private static final class KilledConnections extends PGSimpleDataSource {
        @Override
        public Connection getConnection() throws SQLException {
            Connection connection = super.getConnection();
            int pid = connection.unwrap(PGConnection.class).getBackendPID();
            database.execute("SELECT pg_terminate_backend(" + pid + ", 5000)");
            return connection;
        }
    }

    @Test
    void aConnectionKilledBeforeTheHandleOpensIsUnavailableNotAnError() {
        KilledConnections killed = new KilledConnections();
        killed.setUrl(database.settings().url());
        killed.setUser(database.settings().app().user());
        killed.setPassword(database.settings().app().password());
        Jdbi jdbi = TenantJdbi.create(killed, ConnectionRole.APPLICATION);
        JdbiTenantDirectory tenants = new JdbiTenantDirectory(jdbi, jdbi);

        assertThrows(DependencyUnavailable.class, () -> as(MEMBER_A, tenants::current));

        PGSimpleDataSource healthy = new PGSimpleDataSource();
        healthy.setUrl(database.settings().url());
        healthy.setUser(database.settings().app().user());
        healthy.setPassword(database.settings().app().password());
        Jdbi working = TenantJdbi.create(healthy, ConnectionRole.APPLICATION);
        assertTrue(as(MEMBER_A, () -> new JdbiTenantDirectory(working, working).current()).isPresent(), "positive control");
    }

    @Test
    void whileTheDatabaseIsCutRequestsFailAtOnceAndServeAgainSoonAfterItIsBack() throws Exception {
        try (TcpRelay relay = TcpRelay.toJdbcUrl(database.settings().url());
             PostgresPersistence persistence = PostgresPersistence.start(viaRelay(relay, 4), Clock.systemUTC(),
                     Duration.ofHours(1))) {
            assertTrue(as(MEMBER_A, () -> persistence.tenants().current()).isPresent());
            assertTrue(persistence.healthCheck().up());

            relay.cut();
            long first = System.nanoTime();
            assertThrows(DependencyUnavailable.class, () -> as(MEMBER_A, () -> persistence.tenants().current()));
            assertTrue(millisSince(first) < CHECKOUT.toMillis() + 400, "the first request waits at most the checkout deadline");
            assertFalse(persistence.healthCheck().up(), "health asks the database itself");
            // a fast refusal alone does not prove the breaker open (a refused connection can fail fast too)
            Eventually.until("the breaker opens", Duration.ofSeconds(5), () -> {
                assertThrows(DependencyUnavailable.class, () -> as(MEMBER_A, () -> persistence.orders().count()));
                return persistence.knownDown();
            });
            for (int i = 0; i < 20; i++) {
                long start = System.nanoTime();
                assertThrows(DependencyUnavailable.class, () -> as(MEMBER_A, () -> persistence.orders().count()));
                assertTrue(millisSince(start) < 250, "known down: refused at once, took " + millisSince(start) + " ms");
            }

            relay.restore();
            long restored = System.nanoTime();
            Eventually.until("served again", Duration.ofSeconds(5), () -> {
                try {
                    return as(MEMBER_A, () -> persistence.tenants().current()).isPresent();
                } catch (DependencyUnavailable stillDown) {
                    return false;
                }
            });
            assertTrue(millisSince(restored) < 2_000, "serving again " + millisSince(restored) + " ms after the restore");
            assertTrue(persistence.healthCheck().up());
        }
    }

    @Test
    void aPoolExhaustedByLoadAnswersUnavailableButDoesNotTripTheBreaker() throws Exception {
        try (TcpRelay relay = TcpRelay.toJdbcUrl(database.settings().url());
             PostgresPersistence persistence = PostgresPersistence.start(viaRelay(relay, 1), Clock.systemUTC(),
                     Duration.ofHours(1))) {
            try (Connection held = persistence.applicationDataSource().getConnection()) {
                for (int i = 0; i < 4; i++) {
                    assertThrows(DependencyUnavailable.class, () -> as(MEMBER_A, () -> persistence.tenants().current()));
                }
                assertTrue(persistence.healthCheck().up(), "the database answers; only the pool is busy");
                assertFalse(held.isClosed());
            }
            assertDoesNotThrow(() -> as(MEMBER_A, () -> persistence.tenants().current()), "served as soon as a connection is free");
        }
    }

    private static PostgresSettings viaRelay(TcpRelay relay, int poolSize) {
        PostgresSettings direct = database.settings();
        return new PostgresSettings(relay.relayed(direct.url()), direct.migrator(), direct.app(), direct.bypass(),
                poolSize, 1, false, CHECKOUT);
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
