package io.tenantry.adapters.persistence.jdbi;

import io.tenantry.application.order.TenantOrder;
import io.tenantry.kernel.policy.TenantScoped;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The tenant's reads of its orders, with their lines aggregated in the same statement. Apart from {@link OrderDao}'s
 * writes because an on-demand SQL object derives a configuration for each of its methods on every call: the reads
 * that serve most requests pay for six methods, not for eleven.
 */
@TenantScoped
@BindCurrentTenant
interface OrderQueries {

    /** An order with its lines aggregated, up to the lines' tenant condition. */
    String SELECT_WITH_LINES_OF = """
            SELECT o.tenant_id, o.id, o.customer, o.status, o.created_at, o.updated_at, l.skus, l.quantities, l.prices
            FROM orders o CROSS JOIN LATERAL (
              SELECT array_agg(x.sku ORDER BY x.line_no) AS skus, array_agg(x.quantity ORDER BY x.line_no) AS quantities,
                     array_agg(x.unit_price_cents ORDER BY x.line_no) AS prices
              FROM order_lines x WHERE x.tenant_id =""";
    String LINES_OF_ORDER = " AND x.order_id = o.id) l\n";
    /** The tenant's orders: each table bound to the current tenant on its own, as the house rules require. */
    String SELECT = SELECT_WITH_LINES_OF + " :tenantId" + LINES_OF_ORDER;
    /** Every tenant's orders, for the audited bypass: the lines follow their order's tenant. */
    String SELECT_ACROSS_TENANTS = SELECT_WITH_LINES_OF + " o.tenant_id" + LINES_OF_ORDER;

    @SqlQuery(SELECT + "WHERE o.tenant_id = :tenantId AND o.id = :id")
    Optional<TenantOrder> find(@Bind("id") UUID id);

    // Keyset pages come in four statements rather than one with optional (NULL) parameters: each has a stable
    // plan, and no statement binds a NULL (see PostgresPersistence on server-side prepared statements).
    String NEWEST_FIRST = "ORDER BY o.created_at DESC, o.id DESC LIMIT :limit";
    String AFTER = "AND (o.created_at, o.id) < (:afterCreated, :afterId) ";

    @SqlQuery(SELECT + "WHERE o.tenant_id = :tenantId " + NEWEST_FIRST)
    List<TenantOrder> firstPage(@Bind("limit") int limit);

    @SqlQuery(SELECT + "WHERE o.tenant_id = :tenantId " + AFTER + NEWEST_FIRST)
    List<TenantOrder> pageAfter(@Bind("afterCreated") OffsetDateTime afterCreated, @Bind("afterId") UUID afterId,
                                @Bind("limit") int limit);

    @SqlQuery(SELECT + "WHERE o.tenant_id = :tenantId AND o.status = :status " + NEWEST_FIRST)
    List<TenantOrder> firstPageInStatus(@Bind("status") String status, @Bind("limit") int limit);

    @SqlQuery(SELECT + "WHERE o.tenant_id = :tenantId AND o.status = :status " + AFTER + NEWEST_FIRST)
    List<TenantOrder> pageInStatusAfter(@Bind("status") String status, @Bind("afterCreated") OffsetDateTime afterCreated,
                                        @Bind("afterId") UUID afterId, @Bind("limit") int limit);

    @SqlQuery("SELECT count(*) FROM orders WHERE tenant_id = :tenantId")
    long count();

}
