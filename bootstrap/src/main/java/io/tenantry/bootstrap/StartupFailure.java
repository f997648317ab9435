package io.tenantry.bootstrap;

import java.util.Locale;

/**
 * What a failed command comes to on the console: one line for stderr and an exit status, never a stack trace
 * (an operator reading a start-up log wants the reason, not forty frames of Weld and Jetty). A wrong setting or
 * argument exits {@value #WRONG_USE}; anything else that stops a command exits {@value #FAILED}.
 *
 * @param message  the line to print, without the {@code tenantry: } prefix
 * @param exitCode the process's exit status
 */
record StartupFailure(String message, int exitCode) {

    static final int FAILED = 1;
    static final int WRONG_USE = 2;

    /** The line printed on stderr. */
    String line() {
        return "tenantry: " + message;
    }

    /**
     * A wrong setting speaks for itself. Otherwise the reason is the first message in the cause chain that says more
     * than its cause's name (wrappers such as Weld's add only their own codes), followed by the root cause's message
     * when it adds something.
     */
    static StartupFailure of(Throwable failure) {
        if (failure instanceof CommandRefused refused) {
            return new StartupFailure(oneLine(refused.getMessage()), FAILED);
        }
        if (failure instanceof IllegalArgumentException wrongUse && wrongUse.getMessage() != null) {
            return new StartupFailure(oneLine(wrongUse.getMessage()), WRONG_USE);
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String reason = null;
        for (Throwable cause = failure; cause != null && reason == null; cause = cause == root ? null : cause.getCause()) {
            if (says(cause)) {
                reason = cause.getMessage();
            }
        }
        if (reason == null) {
            reason = root.getClass().getSimpleName();
        } else if (says(root) && !contains(reason, root.getMessage())) {
            reason = reason + ": " + root.getMessage();
        }
        return new StartupFailure("cannot start: " + oneLine(reason), FAILED);
    }

    private static boolean says(Throwable cause) {
        String message = cause.getMessage();
        return message != null && !message.isBlank() && !cause.getClass().getName().startsWith("org.jboss.weld.")
                && (cause.getCause() == null || !message.equals(cause.getCause().toString()));
    }

    private static boolean contains(String text, String part) {
        return text.toLowerCase(Locale.ROOT).contains(part.strip().toLowerCase(Locale.ROOT));
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
