package io.tenantry.adapters.persistence.jdbi;

import io.tenantry.application.health.DependencyUnavailable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConnectionFailuresTest {

    @ParameterizedTest
    @ValueSource(strings = {"08000", "08001", "08003", "08006", "08P01", "57P01", "57P02", "57P03", "53300"})
    void statesThatMeanTheServerIsUnreachableAreConnectionFailures(String state) {
        assertTrue(ConnectionFailures.isConnectionFailure(wrapped(new SQLException("x", state))), state);
    }

    @ParameterizedTest
    @ValueSource(strings = {"23505", "42501", "40001", "57014", "22P02", "XX000"})
    void statesOfAFailedStatementAreNot(String state) {
        assertFalse(ConnectionFailures.isConnectionFailure(wrapped(new SQLException("x", state))), state);
    }

    @ParameterizedTest
    @ValueSource(strings = {"25006", "40001", "40P01", "53100", "53200", "58030", "55P03"})
    void transientStatesAreUnavailableNotAnError(String state) {
        assertInstanceOf(DependencyUnavailable.class, ConnectionFailures.translated(wrapped(new SQLException("x", state))), state);
    }

    @ParameterizedTest
    @ValueSource(strings = {"canceling statement due to statement timeout", "Abbruch der Anweisung wegen Zeitüberschreitung",
            "canceling statement due to user request"})
    void aCancelledStatementIsATimeoutWhateverTheServersLanguage(String message) {
        assertInstanceOf(io.tenantry.application.capacity.StatementTimedOut.class,
                ConnectionFailures.translated(wrapped(new SQLException(message, "57014"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"23505", "42501", "22P02", "42P01"})
    void aFailedStatementStaysWhatItIs(String state) {
        RuntimeException failure = wrapped(new SQLException("x", state));
        assertSame(failure, ConnectionFailures.translated(failure), state);
    }

    @Test
    void aPoolCheckoutTimeoutAndASocketErrorAreConnectionFailures() {
        assertTrue(ConnectionFailures.isConnectionFailure(wrapped(new SQLTransientConnectionException("pool timed out"))));
        assertTrue(ConnectionFailures.isConnectionFailure(wrapped(new SQLException("io", (String) null,
                new ConnectException("Connection refused")))));
        assertFalse(ConnectionFailures.isConnectionFailure(wrapped(new SQLException("no state"))));
    }

    @Test
    void translationWrapsOnlyConnectionFailuresAndOnlyOnce() {
        RuntimeException down = wrapped(new SQLException("x", "57P01"));
        DependencyUnavailable translated = assertInstanceOf(DependencyUnavailable.class, ConnectionFailures.translated(down));
        assertSame(translated, ConnectionFailures.translated(translated));
        RuntimeException constraint = wrapped(new SQLException("x", "23505"));
        assertSame(constraint, ConnectionFailures.translated(constraint));
    }

    /** As Jdbi hands them out: a runtime exception of its own around the driver's. */
    private static RuntimeException wrapped(SQLException cause) {
        return new IllegalStateException("while opening the handle", cause);
    }
}
