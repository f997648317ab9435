package io.tenantry.adapters.persistence.postgres;

import java.util.List;

/** The connected database would not isolate tenants; the service refuses to start on it. */
public final class UnsafeDatabase extends IllegalStateException {

    private final List<String> problems;

    public UnsafeDatabase(List<String> problems) {
        super("refusing to serve: the database does not enforce tenant isolation:\n - " + String.join("\n - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
