package io.tenantry.counterexample.invoices;

import io.tenantry.adapters.persistence.jdbi.BindCurrentTenant;
import io.tenantry.kernel.policy.TenantScoped;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.util.List;
import java.util.UUID;

/** Bad example: the team's join constrains the invoices and forgets the orders. */
@TenantScoped
@BindCurrentTenant
public interface CarelessInvoiceDao {

    @SqlQuery("""
            SELECT i.amount_cents FROM invoices i JOIN orders o ON o.id = i.order_id
            WHERE i.tenant_id = :tenantId AND i.order_id = :orderId""")
    List<Long> amountsOfOrder(@Bind("orderId") UUID orderId);
}
