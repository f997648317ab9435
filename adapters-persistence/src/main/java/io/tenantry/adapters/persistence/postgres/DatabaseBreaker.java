package io.tenantry.adapters.persistence.postgres;

import io.tenantry.adapters.persistence.jdbi.ConnectionFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Fails requests at once while the database is known to be down, instead of letting each one wait for the pool's
 * checkout deadline. It opens and closes only on the evidence of a {@link DatabaseProbe} on a connection of its
 * own: a checkout or a statement that fails for a connection reason makes it probe, and only a failed probe opens
 * it, so a pool that is merely exhausted by load never trips it. While open, a background virtual thread probes every
 * {@code probeInterval} and closes the breaker as soon as the database answers again. One log line per change.
 */
final class DatabaseBreaker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseBreaker.class);

    /** What a checkout needs from the pool. */
    @FunctionalInterface
    interface Checkout {
        Connection get() throws SQLException;
    }

    private final String name;
    private final DatabaseProbe probe;
    private final Duration probeInterval;
    private final AtomicBoolean probing = new AtomicBoolean();
    private volatile boolean open;
    private volatile boolean closed;

    DatabaseBreaker(String name, DatabaseProbe probe, Duration probeInterval) {
        this.name = name;
        this.probe = probe;
        this.probeInterval = probeInterval;
    }

    /** Whether requests are refused at once now. */
    boolean isOpen() {
        return open;
    }

    /** A connection from {@code pool}, or an immediate failure while the database is known to be down. */
    Connection checkout(Checkout pool) throws SQLException {
        if (open) {
            throw new SQLTransientConnectionException(name + " is known to be down", "08001");
        }
        try {
            return pool.get();
        } catch (SQLException | RuntimeException failure) {
            if (ConnectionFailures.isConnectionFailure(failure)) {
                suspect();
            }
            throw failure;
        }
    }

    /** A call failed for a connection reason somewhere: probe now, and open if the database does not answer. */
    void suspect() {
        startProbing();
    }

    /** Whether the database answers now; opens the breaker (and keeps probing) when it does not. */
    boolean probeNow() {
        boolean answers = probe.answers();
        if (!answers) {
            startProbing();
        }
        return answers;
    }

    private void startProbing() {
        if (closed || !probing.compareAndSet(false, true)) {
            return;
        }
        Thread.ofVirtual().name(name + "-probe").start(() -> {
            try {
                while (!closed && !probe.answers()) {
                    if (!open) {
                        open = true;
                        LOG.warn("{} is down: refusing its requests at once until it answers again", name);
                    }
                    Thread.sleep(probeInterval);
                }
                if (open) {
                    open = false;
                    LOG.info("{} answers again: serving its requests", name);
                }
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
            } finally {
                probing.set(false);
            }
        });
    }

    @Override
    public void close() {
        closed = true;
        probe.close();
    }
}
