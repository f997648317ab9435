package io.tenantry.adapters.persistence.resilience;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * A circuit breaker that opens and closes only on the evidence of a probe of its own, never on the failures of
 * callers: a caller that meets a failure {@linkplain #suspect() suspects} the dependency, which makes the breaker
 * probe at once; two failed probes in a row open it, and while open a background virtual thread probes every
 * {@code probeInterval} and closes it as soon as the dependency answers (after running {@code onRecovery}, so
 * whatever the outage left undone is done before callers return). A dependency that is merely slow or saturated
 * for its callers, but answers the probe, never trips it. One log line per change of state.
 */
public final class ProbedBreaker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProbedBreaker.class);

    /** Failed probes in a row that open the breaker: one slow answer of an overloaded dependency is not an outage. */
    private static final int FAILURES_TO_OPEN = 2;

    private final String name;
    private final BooleanSupplier probe;
    private final Duration probeInterval;
    private final Runnable onRecovery;
    private final AtomicBoolean probing = new AtomicBoolean();
    private volatile boolean open;
    private volatile boolean closed;

    public ProbedBreaker(String name, BooleanSupplier probe, Duration probeInterval, Runnable onRecovery) {
        this.name = name;
        this.probe = probe;
        this.probeInterval = probeInterval;
        this.onRecovery = onRecovery;
    }

    public ProbedBreaker(String name, BooleanSupplier probe, Duration probeInterval) {
        this(name, probe, probeInterval, () -> { });
    }

    /** Whether callers should not try the dependency now. */
    public boolean isOpen() {
        return open;
    }

    /** A caller met a failure: probe now, and open if the dependency does not answer. */
    public void suspect() {
        if (closed || !probing.compareAndSet(false, true)) {
            return;
        }
        Thread.ofVirtual().name(name + "-probe").start(this::probeUntilAnswered);
    }

    /** Whether the dependency answers now; suspects it when it does not. */
    public boolean probeNow() {
        boolean answers = probe.getAsBoolean();
        if (!answers) {
            suspect();
        }
        return answers;
    }

    private void probeUntilAnswered() {
        int failedInARow = 0;
        try {
            while (!closed) {
                if (probe.getAsBoolean()) {
                    if (!open) {
                        return;
                    }
                    try {
                        onRecovery.run();
                        open = false;
                        LOG.info("{} answers again", name);
                        return;
                    } catch (RuntimeException catchingUpFailed) {
                        LOG.warn("{} answers, but catching up after the outage failed; still refusing: {}", name,
                                catchingUpFailed.toString());
                    }
                } else if (!open && ++failedInARow >= FAILURES_TO_OPEN) {
                    open = true;
                    LOG.warn("{} is down: its callers are answered without it until it answers again", name);
                }
                Thread.sleep(probeInterval);
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } finally {
            probing.set(false);
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}
