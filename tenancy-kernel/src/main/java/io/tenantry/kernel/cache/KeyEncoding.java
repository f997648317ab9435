package io.tenantry.kernel.cache;

import io.tenantry.kernel.context.BypassScope;
import io.tenantry.kernel.context.TenantContext;
import io.tenantry.kernel.context.TenantId;

import java.util.Objects;

/**
 * Builds {@code tenant:{id}:{namespace}:{part}...} with every part escaped ({@code %} as {@code %25}, {@code :}
 * as {@code %3A}), so the separator never occurs inside a part and the encoding is injective: tenant {@code a}
 * with part {@code b:c} can never produce the same string as tenant {@code a:b} with part {@code c}.
 */
final class KeyEncoding {

    private KeyEncoding() {
    }

    /** The tenant that may own a cache entry now: the context's, and never inside a cross-tenant bypass. */
    static TenantId currentTenant(String what) {
        TenantId tenant = TenantContext.require(what).tenant();
        if (TenantContext.inBypass()) {
            String action = TenantContext.bypass().map(BypassScope::action).orElse("?");
            throw new IllegalStateException(what + " cannot be built inside the cross-tenant bypass '" + action
                    + "': bypass reads must not populate or read tenant caches");
        }
        return tenant;
    }

    static String encode(TenantId tenant, String namespace, String... parts) {
        Objects.requireNonNull(namespace, "'namespace' must not be null");
        if (namespace.isEmpty()) {
            throw new IllegalArgumentException("'namespace' must not be empty");
        }
        StringBuilder key = new StringBuilder("tenant:").append(tenant.value()).append(':');
        escape(namespace, key);
        for (String part : parts) {
            key.append(':');
            escape(Objects.requireNonNull(part, "key parts must not be null"), key);
        }
        return key.toString();
    }

    private static void escape(String part, StringBuilder into) {
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            switch (c) {
                case '%' -> into.append("%25");
                case ':' -> into.append("%3A");
                default -> into.append(c);
            }
        }
    }
}
