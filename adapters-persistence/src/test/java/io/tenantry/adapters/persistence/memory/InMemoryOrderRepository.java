package io.tenantry.adapters.persistence.memory;

import io.tenantry.application.idempotency.IdempotencyKey;
import io.tenantry.application.idempotency.StoredResponse;
import io.tenantry.application.order.OrderPage;
import io.tenantry.application.order.OrderQuery;
import io.tenantry.application.order.OrderRepository;
import io.tenantry.application.order.TenantOrder;
import io.tenantry.domain.order.Order;
import io.tenantry.domain.order.OrderId;
import io.tenantry.domain.order.OrderStatus;
import io.tenantry.kernel.context.TenantId;
import io.tenantry.kernel.context.TenantIdentity;
import io.tenantry.kernel.policy.AccessDenied;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Orders in memory, one map per tenant, for the embedded default and fast tests. It passes the same contract
 * tests as the PostgreSQL adapter: the tenant comes from the context, deleting needs {@code owner}, and the
 * cross-tenant listing works only inside the bypass.
 */
public final class InMemoryOrderRepository implements OrderRepository {

    /** Newest first, ties by id in PostgreSQL's uuid order (unsigned bytes, which is the text order). */
    static final Comparator<Order> NEWEST_FIRST = Comparator.comparing(Order::createdAt)
            .thenComparing(order -> order.id().value().toString()).reversed();

    private final Map<TenantId, Map<OrderId, Order>> byTenant = new ConcurrentHashMap<>();
    private final InMemoryIdempotencyStore claims;

    /** Orders whose idempotent placements complete their claims in {@code claims}. */
    public InMemoryOrderRepository(InMemoryIdempotencyStore claims) {
        this.claims = claims;
    }

    @Override
    public void add(Order order) {
        if (own().putIfAbsent(order.id(), order) != null) {
            throw new IllegalStateException("order " + order.id() + " already exists");
        }
    }

    @Override
    public boolean addCompletingClaim(Order order, IdempotencyKey key, StoredResponse response) {
        Map<OrderId, Order> orders = own();
        return claims.completeInFlight(key, response, () -> {
            if (orders.putIfAbsent(order.id(), order) != null) {
                throw new IllegalStateException("order " + order.id() + " already exists");
            }
        });
    }

    @Override
    public Optional<Order> find(OrderId id) {
        return Optional.ofNullable(own().get(id));
    }

    @Override
    public OrderPage page(OrderQuery query) {
        List<Order> fetched = own().values().stream()
                .filter(order -> query.status().map(status -> order.status() == status).orElse(true))
                .filter(order -> query.after().map(cursor -> isAfter(order, cursor.createdAt(), cursor.id())).orElse(true))
                .sorted(NEWEST_FIRST)
                .limit(query.limit() + 1L)
                .toList();
        return OrderPage.of(fetched, query.limit());
    }

    @Override
    public long count() {
        return own().size();
    }

    @Override
    public boolean replaceStatus(Order changed, OrderStatus expected) {
        Map<OrderId, Order> orders = own();
        return orders.computeIfPresent(changed.id(), (id, stored) -> stored.status() == expected ? changed : stored) == changed;
    }

    @Override
    public boolean delete(OrderId id) {
        if (!InMemoryTenancy.identity().hasRole(TenantIdentity.OWNER)) {
            throw new AccessDenied("DELETE of an order needs the role 'owner'");
        }
        return own().remove(id) != null;
    }

    /** Every tenant's newest orders: what the in-memory {@code EveryDatabaseOrders} lists. Bypass only. */
    @io.tenantry.kernel.policy.BypassRls(justification = "platform operators list the orders of every tenant")
    public List<TenantOrder> listAcrossTenants(int limit) {
        InMemoryTenancy.requireBypass("listing orders across tenants");
        return byTenant.entrySet().stream()
                .flatMap(entry -> entry.getValue().values().stream().map(order -> new TenantOrder(entry.getKey(), order)))
                .sorted(Comparator.comparing(TenantOrder::order, NEWEST_FIRST))
                .limit(limit)
                .toList();
    }

    private Map<OrderId, Order> own() {
        return byTenant.computeIfAbsent(InMemoryTenancy.tenant(), tenant -> new ConcurrentHashMap<>());
    }

    private static boolean isAfter(Order order, java.time.Instant createdAt, java.util.UUID id) {
        int byTime = order.createdAt().compareTo(createdAt);
        return byTime < 0 || (byTime == 0 && order.id().value().toString().compareTo(id.toString()) < 0);
    }
}
