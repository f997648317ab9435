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
import io.tenantry.kernel.resolution.ContextualProvider;
import io.tenantry.kernel.resolution.ResolutionStrategy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The repositories business code gets: each call resolves, through a {@link ContextualProvider} keyed by tenant, to
 * the tenant's own database when it has one and to the shared database otherwise. The cross-tenant listing (inside
 * the audited bypass) reads the shared database and every dedicated one.
 */
public final class TenantRoutedRepositories {

    private final ContextualProvider<PostgresPersistence> databases;
    private final PostgresPersistence shared;
    private final DedicatedDatabases dedicated;

    public TenantRoutedRepositories(PostgresPersistence shared, DedicatedDatabases dedicated) {
        this.shared = shared;
        this.dedicated = dedicated;
        var builder = ContextualProvider.<TenantId, PostgresPersistence>resolvedBy(ResolutionStrategy.byTenant());
        for (TenantId tenant : dedicated.tenants()) {
            builder.bind(tenant, identity -> dedicated.forTenant(identity.tenant()).orElseThrow());
        }
        this.databases = builder.orElse(identity -> shared).build();
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
            databases.get().orders().add(order);
        }

        @Override
        public boolean addCompletingClaim(Order order, IdempotencyKey key, StoredResponse response) {
            return databases.get().orders().addCompletingClaim(order, key, response);
        }

        @Override
        public Optional<Order> find(OrderId id) {
            return databases.get().orders().find(id);
        }

        @Override
        public OrderPage page(OrderQuery query) {
            return databases.get().orders().page(query);
        }

        @Override
        public long count() {
            return databases.get().orders().count();
        }

        @Override
        public boolean replaceStatus(Order changed, OrderStatus expected) {
            return databases.get().orders().replaceStatus(changed, expected);
        }

        @Override
        public boolean delete(OrderId id) {
            return databases.get().orders().delete(id);
        }

        /** The newest of the shared database and of every dedicated one, merged. */
        @Override
        public List<TenantOrder> listAcrossTenants(int limit) {
            List<TenantOrder> all = new ArrayList<>(shared.orders().listAcrossTenants(limit));
            for (TenantId tenant : dedicated.tenants()) {
                dedicated.forTenant(tenant).ifPresent(database -> all.addAll(database.orders().listAcrossTenants(limit)));
            }
            return all.stream().sorted(TenantOrder.NEWEST_FIRST).limit(limit).toList();
        }
    }

    private final class Users implements UserRepository {
        @Override
        public void add(User user) throws EmailAlreadyUsed {
            databases.get().users().add(user);
        }

        @Override
        public Optional<User> find(UserId id) {
            return databases.get().users().find(id);
        }

        @Override
        public boolean update(User user) throws EmailAlreadyUsed {
            return databases.get().users().update(user);
        }
    }

    private final class Idempotency implements IdempotencyStore {
        @Override
        public Claim claim(IdempotencyKey key, String requestHash) {
            return databases.get().idempotency().claim(key, requestHash);
        }

        @Override
        public void complete(IdempotencyKey key, StoredResponse response) {
            databases.get().idempotency().complete(key, response);
        }

        @Override
        public void release(IdempotencyKey key) {
            databases.get().idempotency().release(key);
        }
    }
}
