package io.tenantry.adapters.persistence.postgres;

import io.tenantry.adapters.persistence.jdbi.ConnectionFailures;
import io.tenantry.adapters.persistence.resilience.ProbedBreaker;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

/**
 * Fails requests at once while the database is known to be down, instead of letting each one wait for the pool's
 * checkout deadline. It opens and closes on the evidence of a {@link DatabaseProbe} on a connection of its own
 * ({@link ProbedBreaker}): a checkout or a statement that fails for a connection reason makes it probe, and only a
 * failed probe opens it, so a pool that is merely exhausted by load never trips it.
 */
final class DatabaseBreaker implements AutoCloseable {

    /** What a checkout needs from the pool. */
    @FunctionalInterface
    interface Checkout {
        Connection get() throws SQLException;
    }

    /** One wait for a pooled connection (HikariCP's shortest timeout); a checkout waits in these up to its deadline. */
    static final Duration CHECKOUT_SLICE = Duration.ofMillis(250);

    private final String name;
    private final DatabaseProbe probe;
    private final ProbedBreaker breaker;
    private final Duration deadline;

    DatabaseBreaker(String name, DatabaseProbe probe, Duration probeInterval, Duration deadline) {
        this.name = name;
        this.probe = probe;
        this.breaker = new ProbedBreaker(name, probe::answers, probeInterval);
        this.deadline = deadline;
    }

    /** Whether requests are refused at once now. */
    boolean isOpen() {
        return breaker.isOpen();
    }

    /**
     * A connection from {@code pool} within the checkout deadline, or a failure: at once while the database is known
     * to be down, and as soon as it becomes known while waiting (the wait is taken in {@link #CHECKOUT_SLICE}s, each a
     * pool timeout), so no request waits out the whole deadline for a database that is gone.
     */
    Connection checkout(Checkout pool) throws SQLException {
        long giveUpAt = System.nanoTime() + deadline.toNanos();
        while (true) {
            if (breaker.isOpen()) {
                throw new SQLTransientConnectionException(name + " is known to be down", "08001");
            }
            try {
                return pool.get();
            } catch (SQLTransientConnectionException sliceOver) {
                breaker.suspect();
                if (System.nanoTime() + CHECKOUT_SLICE.toNanos() > giveUpAt) {
                    throw sliceOver;
                }
            } catch (SQLException | RuntimeException failure) {
                if (ConnectionFailures.isConnectionFailure(failure)) {
                    breaker.suspect();
                }
                throw failure;
            }
        }
    }

    /** A call failed for a connection reason somewhere: probe now, and open if the database does not answer. */
    void suspect() {
        breaker.suspect();
    }

    /** Whether the database answers now; opens the breaker (and keeps probing) when it does not. */
    boolean probeNow() {
        return breaker.probeNow();
    }

    @Override
    public void close() {
        breaker.close();
        probe.close();
    }
}
