package io.tenantry.adapters.persistence.jdbi;

import io.tenantry.adapters.persistence.postgres.TestDatabase;
import io.tenantry.application.capacity.StatementTimedOut;
import io.tenantry.application.capacity.TenantBusy;
import io.tenantry.kernel.context.Tier;
import io.tenantry.kernel.policy.TenantScoped;
import io.tenantry.kernel.testing.Eventually;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

import static io.tenantry.kernel.testing.TwoTenants.MEMBER_A;
import static io.tenantry.kernel.testing.TwoTenants.MEMBER_B;
import static io.tenantry.kernel.testing.TwoTenants.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One tenant's heavy or numerous statements cannot hold the database for the others: each statement runs under its
 * tier's timeout (set in the same round trip as the tenant), and each tenant's concurrent work is bounded by tier.
 * Tenant B is free (one slot, 1.5 s statements), tenant A pro (four slots, five-second statements).
 */
class TenantWorkLimitsTest {

    /** A tenant-scoped read that takes as long as asked. */
    @TenantScoped
    @BindCurrentTenant
    interface SlowReads {
        @SqlQuery("SELECT t.id FROM tenants t, pg_sleep(:seconds) WHERE t.id = :tenantId")
        Optional<String> ownTenantAfter(@Bind("seconds") double seconds);
    }

    private static TestDatabase database;
    private static SlowReads reads;

    @BeforeAll
    static void database() {
        database = TestDatabase.migrated(2);
        database.execute("INSERT INTO tenants (id, name, tier, status) VALUES ('tenant-a', 'A', 'pro', 'active'),"
                + " ('tenant-b', 'B', 'free', 'active')");
        PGSimpleDataSource connections = new PGSimpleDataSource();
        connections.setUrl(database.settings().url());
        connections.setUser(database.settings().app().user());
        connections.setPassword(database.settings().app().password());
        DatabaseWorkLimits limits = DatabaseWorkLimits.defaults()
                .with(Tier.FREE, 1, Duration.ofMillis(1_500))
                .with(Tier.PRO, 4, Duration.ofSeconds(5))
                .waiting(Duration.ofMillis(200));
        Jdbi jdbi = TenantJdbi.create(connections, ConnectionRole.APPLICATION, UnaryOperator.identity(), () -> { }, limits);
        reads = jdbi.onDemand(SlowReads.class);
    }

    @AfterAll
    static void drop() {
        database.close();
    }

    @Test
    void aStatementPastItsTiersTimeoutIsCancelledByTheDatabase() {
        long start = System.nanoTime();
        assertThrows(StatementTimedOut.class, () -> as(MEMBER_B, () -> reads.ownTenantAfter(5)));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 4_000, "cancelled at the free tier's 1.5 s, not after the five seconds asked: " + millis + " ms");
        assertEquals(Optional.of("tenant-b"), as(MEMBER_B, () -> reads.ownTenantAfter(0.01)), "a quick one passes");
        assertEquals(Optional.of("tenant-a"), as(MEMBER_A, () -> reads.ownTenantAfter(2)),
                "the same statement fits the pro tier's timeout");
    }

    @Test
    void aTenantOverItsConcurrencyIsRefusedWhileAnotherTenantIsServed() throws Exception {
        CompletableFuture<Optional<String>> holding = CompletableFuture.supplyAsync(() -> as(MEMBER_B, () -> reads.ownTenantAfter(1.0)),
                command -> Thread.ofVirtual().start(command));
        Eventually.until("B's slow read is running", Duration.ofSeconds(5), () -> "1".equals(database.query(
                "SELECT count(*) FROM pg_stat_activity WHERE usename = '" + database.settings().app().user()
                        + "' AND query LIKE '%pg_sleep%' AND state = 'active'")));
        assertThrows(TenantBusy.class, () -> as(MEMBER_B, () -> reads.ownTenantAfter(0)), "B's one slot is taken");
        assertEquals(Optional.of("tenant-a"), as(MEMBER_A, () -> reads.ownTenantAfter(0)), "A is served meanwhile");
        assertEquals(Optional.of("tenant-b"), holding.get());
        assertEquals(Optional.of("tenant-b"), as(MEMBER_B, () -> reads.ownTenantAfter(0)), "B's slot is free again");
    }
}
