package io.tenantry.example.invoices;

import io.tenantry.adapters.persistence.jdbi.BindCurrentTenant;
import io.tenantry.kernel.policy.TenantScoped;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.List;
import java.util.UUID;

/**
 * A team's SQL object for its own tenant table: tenant-scoped, every table constrained by the current tenant, the
 * tenant written on insert. The house rules read it from the team's package like Tenantry's own.
 */
@TenantScoped
@BindCurrentTenant
public interface InvoiceDao {

    @SqlUpdate("""
            INSERT INTO invoices (tenant_id, id, order_id, amount_cents)
            VALUES (:tenantId, :id, :orderId, :amountCents)""")
    int insert(@Bind("id") UUID id, @Bind("orderId") UUID orderId, @Bind("amountCents") long amountCents);

    /** The amounts invoiced for one order, joined to the order so that a deleted order's invoices never show. */
    @SqlQuery("""
            SELECT i.amount_cents FROM invoices i
            JOIN orders o ON o.tenant_id = :tenantId AND o.id = i.order_id
            WHERE i.tenant_id = :tenantId AND i.order_id = :orderId
            ORDER BY i.amount_cents""")
    List<Long> amountsOfOrder(@Bind("orderId") UUID orderId);
}
