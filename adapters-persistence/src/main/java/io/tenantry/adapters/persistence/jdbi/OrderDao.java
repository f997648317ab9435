package io.tenantry.adapters.persistence.jdbi;

import io.tenantry.application.order.TenantOrder;
import io.tenantry.domain.order.Order;
import io.tenantry.domain.order.OrderId;
import io.tenantry.domain.order.OrderLine;
import io.tenantry.domain.order.OrderStatus;
import io.tenantry.kernel.context.TenantId;
import io.tenantry.kernel.policy.Allow;
import io.tenantry.kernel.policy.BypassRls;
import io.tenantry.kernel.policy.Operation;
import io.tenantry.kernel.policy.TenantScoped;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * SQL that writes orders and their lines, and the operators' cross-tenant read; the tenant's own reads are
 * {@link OrderQueries}. Every statement is tenant-bound unless it is an audited bypass read.
 */
@TenantScoped
@BindCurrentTenant
@Allow(operations = Operation.DELETE, roles = "owner")
interface OrderDao {

    /** The lines of the order a statement's CTE {@code o} just inserted. */
    String LINES_OF_INSERTED_ORDER = """
            INSERT INTO order_lines (tenant_id, order_id, line_no, sku, quantity, unit_price_cents)
            SELECT :tenantId, o.id, l.line_no, l.sku, l.quantity, l.price
            FROM o CROSS JOIN unnest(CAST(:skus AS text[]), CAST(:quantities AS int[]), CAST(:prices AS bigint[]))
                 WITH ORDINALITY AS l(sku, quantity, price, line_no)
            """;

    @SqlUpdate("""
            WITH o AS (
              INSERT INTO orders (tenant_id, id, customer, status, total_cents, created_at, updated_at)
              VALUES (:tenantId, :id, :customer, :status, :totalCents, :createdAt, :updatedAt)
              RETURNING tenant_id, id)
            """ + LINES_OF_INSERTED_ORDER)
    int insert(@Bind("id") UUID id, @Bind("customer") String customer, @Bind("status") String status,
               @Bind("totalCents") long totalCents, @Bind("createdAt") OffsetDateTime createdAt,
               @Bind("updatedAt") OffsetDateTime updatedAt, @Bind("skus") String[] skus,
               @Bind("quantities") Integer[] quantities, @Bind("prices") Long[] prices);

    /**
     * The insert above, done only if this request's claim of {@code key} is in flight, completing the claim in the
     * same statement (so in the same implicit transaction). Returns the number of lines written: 0 when the claim
     * was not held and nothing was written.
     */
    @SqlUpdate("""
            WITH k AS (
              UPDATE idempotency_keys SET status = :status, body = :body, location = :location
              WHERE tenant_id = :tenantId AND key = :key AND status IS NULL
              RETURNING tenant_id),
            o AS (
              INSERT INTO orders (tenant_id, id, customer, status, total_cents, created_at, updated_at)
              SELECT :tenantId, :id, :customer, :orderStatus, :totalCents, :createdAt, :updatedAt FROM k
              RETURNING tenant_id, id)
            """ + LINES_OF_INSERTED_ORDER)
    int insertCompletingClaim(@Bind("key") String key, @Bind("status") int status, @Bind("body") String body,
                              @Bind("location") String location, @Bind("id") UUID id, @Bind("customer") String customer,
                              @Bind("orderStatus") String orderStatus, @Bind("totalCents") long totalCents,
                              @Bind("createdAt") OffsetDateTime createdAt, @Bind("updatedAt") OffsetDateTime updatedAt,
                              @Bind("skus") String[] skus, @Bind("quantities") Integer[] quantities,
                              @Bind("prices") Long[] prices);

    @SqlUpdate("""
            UPDATE orders SET status = :status, updated_at = :updatedAt
            WHERE tenant_id = :tenantId AND id = :id AND status = :expected""")
    int replaceStatus(@Bind("id") UUID id, @Bind("status") String status, @Bind("updatedAt") OffsetDateTime updatedAt,
                      @Bind("expected") String expected);

    @SqlUpdate("DELETE FROM orders WHERE tenant_id = :tenantId AND id = :id")
    int delete(@Bind("id") UUID id);

    @BypassRls(justification = "platform operators list the orders of every tenant")
    @SqlQuery(OrderQueries.SELECT_ACROSS_TENANTS + "ORDER BY o.created_at DESC, o.id DESC LIMIT :limit")
    List<TenantOrder> listAcrossTenants(@Bind("limit") int limit);

    /** Reads an order row with its aggregated lines. */
    final class TenantOrderMapper implements RowMapper<TenantOrder> {
        @Override
        public TenantOrder map(ResultSet row, StatementContext context) throws SQLException {
            String[] skus = (String[]) row.getArray("skus").getArray();
            Integer[] quantities = (Integer[]) row.getArray("quantities").getArray();
            Long[] prices = (Long[]) row.getArray("prices").getArray();
            List<OrderLine> lines = new ArrayList<>(skus.length);
            for (int i = 0; i < skus.length; i++) {
                lines.add(new OrderLine(skus[i], quantities[i], prices[i]));
            }
            Order order = new Order(new OrderId(row.getObject("id", UUID.class)), row.getString("customer"),
                    OrderStatus.fromWireName(row.getString("status")).orElseThrow(), lines,
                    Columns.instant(row, "created_at"), Columns.instant(row, "updated_at"));
            return new TenantOrder(TenantId.of(row.getString("tenant_id")), order);
        }
    }
}
