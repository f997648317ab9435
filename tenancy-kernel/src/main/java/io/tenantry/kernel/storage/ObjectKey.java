package io.tenantry.kernel.storage;

import io.tenantry.kernel.context.TenantContext;
import io.tenantry.kernel.context.TenantId;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where one stored object lives: always {@code tenants/{id}/{name}}, with the tenant taken from the context and
 * a name that cannot leave that folder (no {@code /}, {@code \}, NUL, {@code .} or {@code ..}; 1..128 of
 * {@code [A-Za-z0-9._-]}). Storage adapters only ever see keys built here.
 */
public final class ObjectKey {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    private final TenantId tenant;
    private final String name;

    private ObjectKey(TenantId tenant, String name) {
        this.tenant = tenant;
        this.name = name;
    }

    /** The key of {@code name} for the tenant bound to the current work. */
    public static ObjectKey of(String name) {
        if (!isValidName(name)) {
            throw new InvalidObjectName(name);
        }
        return new ObjectKey(TenantContext.require("an object key").tenant(), name);
    }

    /** Whether {@code name} is acceptable as an object name. */
    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches() && !name.equals(".") && !name.equals("..");
    }

    public TenantId tenant() {
        return tenant;
    }

    public String name() {
        return name;
    }

    /** The folder every object of this key's tenant lives in, with a trailing slash. */
    public String tenantPrefix() {
        return prefixOf(tenant);
    }

    /** {@code tenants/{id}/{name}}. */
    public String path() {
        return tenantPrefix() + name;
    }

    /** The folder of the tenant bound to the current work, for listing. */
    public static String currentTenantPrefix() {
        return prefixOf(TenantContext.require("an object listing").tenant());
    }

    private static String prefixOf(TenantId tenant) {
        return "tenants/" + tenant.value() + "/";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ObjectKey key && key.tenant.equals(tenant) && key.name.equals(name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenant, name);
    }

    @Override
    public String toString() {
        return path();
    }
}
