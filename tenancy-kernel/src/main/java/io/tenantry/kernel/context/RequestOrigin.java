package io.tenantry.kernel.context;

import java.util.Objects;

/**
 * Where the current unit of work came from: the request id the client sees in {@code X-Request-Id} and the address
 * it came from. The audit trail records both, so an operator can find the request behind any audit event. Work an
 * operator starts by hand (a command line) also says why, in the operator's words; the audit trail records that
 * with the operation's own justification.
 *
 * @param requestId the request's id
 * @param source    the client's address, or a name such as {@code cli} for work not started by a request
 * @param reason    why a person started it, e.g. {@code "TICKET-42 onboarding Acme"}; empty for a request
 */
public record RequestOrigin(String requestId, String source, String reason) {

    /** Work started by no request (a command, a test, a job). */
    public static final RequestOrigin NONE = new RequestOrigin("-", "-");

    /** A request's origin, which carries no reason of its own. */
    public RequestOrigin(String requestId, String source) {
        this(requestId, source, "");
    }

    public RequestOrigin {
        Objects.requireNonNull(requestId, "'requestId' must not be null");
        Objects.requireNonNull(source, "'source' must not be null");
        Objects.requireNonNull(reason, "'reason' must not be null");
        if (requestId.isBlank() || source.isBlank()) {
            throw new IllegalArgumentException("'requestId' and 'source' must not be blank");
        }
        reason = reason.strip();
    }
}
