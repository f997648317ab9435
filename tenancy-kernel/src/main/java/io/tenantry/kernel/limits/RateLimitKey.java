package io.tenantry.kernel.limits;

import io.tenantry.kernel.context.TenantContext;
import io.tenantry.kernel.context.TenantId;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The bucket a request is counted in: {@code tenant:{id}} for the tier's overall budget, or
 * {@code tenant:{id}:{operation}} for an operation's own, the tenant always taken from the context, so budgets are
 * per tenant (shared by every instance and every user of the tenant) and no caller can choose another tenant's
 * bucket. {@link #tenantPart()} is the same for all of one tenant's buckets, so a store can keep them together (a
 * Redis Cluster hash tag).
 */
public final class RateLimitKey {

    /** Operation names: lower-case words joined by dots or dashes, e.g. {@code orders.place}. */
    public static final Pattern OPERATION_NAME = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*");

    private final TenantId tenant;
    private final Optional<String> operation;

    private RateLimitKey(TenantId tenant, Optional<String> operation) {
        this.tenant = tenant;
        this.operation = operation;
    }

    /** The overall bucket of the tenant bound to the current work. */
    public static RateLimitKey forCurrentTenant() {
        return new RateLimitKey(TenantContext.require("a rate-limit key").tenant(), Optional.empty());
    }

    /** The current tenant's bucket for {@code operation}, which has a budget of its own. */
    public static RateLimitKey forCurrentTenantOperation(String operation) {
        return new RateLimitKey(TenantContext.require("a rate-limit key").tenant(),
                Optional.of(requireOperationName(operation)));
    }

    /** Checks an operation name against {@link #OPERATION_NAME}. */
    public static String requireOperationName(String operation) {
        Objects.requireNonNull(operation, "'operation' must not be null");
        if (!OPERATION_NAME.matcher(operation).matches() || operation.length() > 64) {
            throw new IllegalArgumentException("an operation name is lower-case words joined by dots, like orders.place,"
                    + " not '" + operation + "'");
        }
        return operation;
    }

    public TenantId tenant() {
        return tenant;
    }

    public Optional<String> operation() {
        return operation;
    }

    /** {@code tenant:acme}: what all of one tenant's buckets share. */
    public String tenantPart() {
        return "tenant:" + tenant.value();
    }

    /** The storage key, e.g. {@code tenant:acme} or {@code tenant:acme:orders.place}. */
    public String value() {
        return operation.map(name -> tenantPart() + ":" + name).orElseGet(this::tenantPart);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RateLimitKey key && key.tenant.equals(tenant) && key.operation.equals(operation);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenant, operation);
    }

    @Override
    public String toString() {
        return value();
    }
}
