package io.tenantry.bootstrap;

/**
 * A command that ran and was refused by what it found (a tenant that exists already, one that does not exist): its
 * message is the line the operator reads, and the exit status is {@value StartupFailure#FAILED}.
 */
final class CommandRefused extends RuntimeException {

    CommandRefused(String message) {
        super(message);
    }
}
