package io.tenantry.application.health;

/**
 * A dependency (the database, a cache) cannot be reached right now. Adapters translate their technology's
 * connection failures into this, so callers answer "try again later" without knowing the technology.
 */
public final class DependencyUnavailable extends RuntimeException {

    public DependencyUnavailable(String dependency, Throwable cause) {
        super(dependency + " is unavailable", cause);
    }
}
