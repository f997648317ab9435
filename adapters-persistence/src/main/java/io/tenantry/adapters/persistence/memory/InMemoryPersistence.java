package io.tenantry.adapters.persistence.memory;

import io.tenantry.application.tenant.Tenant;
import io.tenantry.application.tenant.TenantDirectory.TenantAlreadyExists;
import io.tenantry.kernel.audit.Bypass;
import io.tenantry.kernel.audit.BypassRequest;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * One consistent set of in-memory adapters, for the embedded default without a database and for fast tests.
 *
 * @param orders      the orders of every tenant
 * @param users       the users of every tenant
 * @param tenants     the tenant directory
 * @param audit       the audit log, also the bypass transaction
 * @param idempotency the idempotency keys
 */
public record InMemoryPersistence(
        InMemoryOrderRepository orders,
        InMemoryUserRepository users,
        InMemoryTenantDirectory tenants,
        InMemoryAuditLog audit,
        InMemoryIdempotencyStore idempotency) {

    public static InMemoryPersistence create(Clock clock, Duration idempotencyRetention) {
        return new InMemoryPersistence(new InMemoryOrderRepository(), new InMemoryUserRepository(),
                new InMemoryTenantDirectory(), new InMemoryAuditLog(),
                new InMemoryIdempotencyStore(clock, idempotencyRetention));
    }

    /** Adds {@code seed} tenants that do not exist yet, through the audited bypass of the current identity. */
    public void provision(Bypass bypass, List<Tenant> seed) {
        bypass.call(new BypassRequest("tenants.seed", "all-tenants", "provision the configured tenants"), () -> {
            int added = 0;
            for (Tenant tenant : seed) {
                try {
                    tenants.provision(tenant);
                    added++;
                } catch (TenantAlreadyExists exists) {
                    // already there: seeding is idempotent
                }
            }
            return added;
        }, Integer::longValue);
    }
}
