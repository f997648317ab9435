package io.tenantry.adapters.web.http;

/** Ends a request with a problem response; thrown by handlers and mapped in one place ({@link ErrorMapping}). */
public final class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
