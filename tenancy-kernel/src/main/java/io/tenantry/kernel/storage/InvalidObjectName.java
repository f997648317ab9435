package io.tenantry.kernel.storage;

/** An object name that could escape its tenant's folder or is otherwise not allowed. */
public final class InvalidObjectName extends IllegalArgumentException {

    public InvalidObjectName(String name) {
        super("'name' must be 1..128 of [A-Za-z0-9._-] and not '.' or '..', was "
                + (name == null ? "null" : "'" + name.replaceAll("[^\\x20-\\x7e]", "?") + "'"));
    }
}
