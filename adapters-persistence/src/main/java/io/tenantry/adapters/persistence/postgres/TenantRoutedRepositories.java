package io.tenantry.adapters.persistence.postgres;

import io.tenantry.application.idempotency.Claim;
import io.tenantry.application.idempotency.IdempotencyKey;
import io.tenantry.application.idempotency.IdempotencyStore;
import io.tenantry.application.idempotency.StoredResponse;
import io.tenantry.application.order.OrderPage;
import io.tenantry.application.order.OrderQuery;
import io.tenantry.application.order.OrderRepository;
import io.tenantry.application.order.TenantOrder;
import io.tenantry.application.user.UserRepository;
import io.tenantry.domain.order.Order;
import io.tenantry.domain.order.OrderId;
import io.tenantry.domain.order.OrderStatus;
import io.tenantry.domain.user.User;
import io.tenantry.domain.user.UserId;
import io.tenantry.kernel.context.TenantId;
import io.tenantry.kernel.context.TenantContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The repositories business code gets: each call runs on the tenant's own database when it has one (leased from
 * {@link DedicatedDatabases} for the call, so the cap on open pools never closes it underneath) and on the shared
 * database otherwise. The cross-tenant listing (inside
 * the audited bypass) reads the shared database and every dedicated one.
 */
public final class TenantRoutedRepositories {

    private final PostgresPersistence shared;
    private final DedicatedDatabases dedicated;

    public TenantRoutedRepositories(PostgresPersistence shared, DedicatedDatabases dedicated) {
        this.shared = shared;
        this.dedicated = dedicated;
    }

    /** Runs {@code work} on the current tenant's database, a dedicated one held open for the whole call. */
    private <T, X extends Exception> T on(DedicatedDatabases.Work<T, X> work) throws X {
        TenantId tenant = TenantContext.requireTenant();
        return dedicated.tenants().contains(tenant) ? dedicated.call(tenant, work) : work.apply(shared);
    }

    public OrderRepository orders() {
        return new Orders();
    }

    public UserRepository users() {
        return new Users();
    }

    public IdempotencyStore idempotency() {
        return new Idempotency();
    }

    private final class Orders implements OrderRepository {
        @Override
        public void add(Order order) {
            on(database -> {
                database.orders().add(order);
                return null;
            });
        }

        @Override
        public boolean addCompletingClaim(Order order, IdempotencyKey key, StoredResponse response) {
            return on(database -> database.orders().addCompletingClaim(order, key, response));
        }

        @Override
        public Optional<Order> find(OrderId id) {
            return on(database -> database.orders().find(id));
        }

        @Override
        public OrderPage page(OrderQuery query) {
            return on(database -> database.orders().page(query));
        }

        @Override
        public long count() {
            return on(database -> database.orders().count());
        }

        @Override
        public boolean replaceStatus(Order changed, OrderStatus expected) {
            return on(database -> database.orders().replaceStatus(changed, expected));
        }

        @Override
        public boolean delete(OrderId id) {
            return on(database -> database.orders().delete(id));
        }

        /** The newest of the shared database and of every dedicated one, merged. */
        @Override
        public List<TenantOrder> listAcrossTenants(int limit) {
            List<TenantOrder> all = new ArrayList<>(shared.orders().listAcrossTenants(limit));
            for (TenantId tenant : dedicated.tenants()) {
                all.addAll(dedicated.call(tenant, database -> database.orders().listAcrossTenants(limit)));
            }
            return all.stream().sorted(TenantOrder.NEWEST_FIRST).limit(limit).toList();
        }
    }

    private final class Users implements UserRepository {
        @Override
        public void add(User user) throws EmailAlreadyUsed {
            on(database -> {
                database.users().add(user);
                return null;
            });
        }

        @Override
        public Optional<User> find(UserId id) {
            return on(database -> database.users().find(id));
        }

        @Override
        public boolean update(User user) throws EmailAlreadyUsed {
            return on(database -> database.users().update(user));
        }
    }

    private final class Idempotency implements IdempotencyStore {
        @Override
        public Claim claim(IdempotencyKey key, String requestHash) {
            return on(database -> database.idempotency().claim(key, requestHash));
        }

        @Override
        public void complete(IdempotencyKey key, StoredResponse response) {
            on(database -> {
                database.idempotency().complete(key, response);
                return null;
            });
        }

        @Override
        public void release(IdempotencyKey key) {
            on(database -> {
                database.idempotency().release(key);
                return null;
            });
        }
    }
}
