package io.tenantry.application.contract;

import io.tenantry.application.idempotency.IdempotencyStore;
import io.tenantry.application.order.EveryDatabaseOrders;
import io.tenantry.application.order.OrderRepository;
import io.tenantry.application.tenant.TenantDirectory;
import io.tenantry.application.user.UserRepository;
import io.tenantry.kernel.audit.AuditLog;
import io.tenantry.kernel.audit.Bypass;
import io.tenantry.kernel.audit.BypassTransaction;

import java.time.Clock;
import java.time.Duration;

/**
 * What an adapter module hands the contract kits: one set of out-port adapters over one store. {@link #reset()}
 * empties the store and provisions the tenants of {@link io.tenantry.kernel.testing.TwoTenants} (A, B and the
 * platform tenant) as active.
 */
public interface PersistenceFixture {

    /** The adapters under test, as one set. */
    record Adapters(OrderRepository orders, UserRepository users, TenantDirectory tenants, AuditLog auditLog,
                    BypassTransaction bypassTransaction, IdempotencyStore idempotency, EveryDatabaseOrders everyDatabase) {
    }

    Adapters adapters();

    IdempotencyStore idempotency(Clock clock, Duration retention);

    void reset();

    default OrderRepository orders() {
        return adapters().orders();
    }

    /** The operators' listing over every database the fixture's tenants live in. */
    default EveryDatabaseOrders everyDatabase() {
        return adapters().everyDatabase();
    }

    default UserRepository users() {
        return adapters().users();
    }

    default TenantDirectory tenants() {
        return adapters().tenants();
    }

    default AuditLog auditLog() {
        return adapters().auditLog();
    }

    default BypassTransaction bypassTransaction() {
        return adapters().bypassTransaction();
    }

    default Bypass bypass() {
        return new Bypass(bypassTransaction(), Clock.systemUTC());
    }
}
