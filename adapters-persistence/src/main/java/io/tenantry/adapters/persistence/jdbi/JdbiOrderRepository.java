package io.tenantry.adapters.persistence.jdbi;

import io.tenantry.application.idempotency.IdempotencyKey;
import io.tenantry.application.idempotency.StoredResponse;
import io.tenantry.application.order.OrderCursor;
import io.tenantry.application.order.OrderPage;
import io.tenantry.application.order.OrderQuery;
import io.tenantry.application.order.OrderRepository;
import io.tenantry.application.order.TenantOrder;
import io.tenantry.domain.order.Order;
import io.tenantry.domain.order.OrderId;
import io.tenantry.domain.order.OrderLine;
import io.tenantry.domain.order.OrderStatus;
import org.jdbi.v3.core.Jdbi;

import java.util.List;
import java.util.Optional;

/**
 * Orders in PostgreSQL. Tenant-scoped calls run on the application role, bound to the current tenant in SQL and
 * by row-level security; the cross-tenant listing runs on the bypass role inside the audited bypass.
 */
public final class JdbiOrderRepository implements OrderRepository {

    private final OrderDao tenantScoped;
    private final OrderQueries reads;
    private final OrderDao bypass;

    public JdbiOrderRepository(Jdbi application, Jdbi bypass) {
        this.tenantScoped = application.onDemand(OrderDao.class);
        this.reads = application.onDemand(OrderQueries.class);
        this.bypass = bypass.onDemand(OrderDao.class);
    }

    @Override
    public void add(Order order) {
        List<OrderLine> lines = order.lines();
        tenantScoped.insert(order.id().value(), order.customer(), order.status().wireName(), order.totalCents(),
                Columns.timestamp(order.createdAt()), Columns.timestamp(order.updatedAt()),
                lines.stream().map(OrderLine::sku).toArray(String[]::new),
                lines.stream().map(OrderLine::quantity).toArray(Integer[]::new),
                lines.stream().map(OrderLine::unitPriceCents).toArray(Long[]::new));
    }

    @Override
    public boolean addCompletingClaim(Order order, IdempotencyKey key, StoredResponse response) {
        List<OrderLine> lines = order.lines();
        return tenantScoped.insertCompletingClaim(key.value(), response.status(), response.body(),
                response.location().orElse(""), order.id().value(), order.customer(), order.status().wireName(),
                order.totalCents(), Columns.timestamp(order.createdAt()), Columns.timestamp(order.updatedAt()),
                lines.stream().map(OrderLine::sku).toArray(String[]::new),
                lines.stream().map(OrderLine::quantity).toArray(Integer[]::new),
                lines.stream().map(OrderLine::unitPriceCents).toArray(Long[]::new)) > 0;
    }

    @Override
    public Optional<Order> find(OrderId id) {
        return reads.find(id.value()).map(TenantOrder::order);
    }

    @Override
    public OrderPage page(OrderQuery query) {
        int fetch = query.limit() + 1;
        Optional<OrderCursor> after = query.after();
        List<TenantOrder> fetched = query.status().map(OrderStatus::wireName)
                .map(status -> after.map(cursor -> reads.pageInStatusAfter(status,
                                Columns.timestamp(cursor.createdAt()), cursor.id(), fetch))
                        .orElseGet(() -> reads.firstPageInStatus(status, fetch)))
                .orElseGet(() -> after.map(cursor -> reads.pageAfter(Columns.timestamp(cursor.createdAt()),
                                cursor.id(), fetch))
                        .orElseGet(() -> reads.firstPage(fetch)));
        return OrderPage.of(fetched.stream().map(TenantOrder::order).toList(), query.limit());
    }

    @Override
    public long count() {
        return reads.count();
    }

    @Override
    public boolean replaceStatus(Order changed, OrderStatus expected) {
        return tenantScoped.replaceStatus(changed.id().value(), changed.status().wireName(),
                Columns.timestamp(changed.updatedAt()), expected.wireName()) == 1;
    }

    @Override
    public boolean delete(OrderId id) {
        return tenantScoped.delete(id.value()) == 1;
    }

    /** The newest orders of every tenant in this database. Runs only inside the audited bypass. */
    @io.tenantry.kernel.policy.BypassRls(justification = "platform operators list the orders of every tenant")
    public List<TenantOrder> listAcrossTenants(int limit) {
        return bypass.listAcrossTenants(limit);
    }
}
