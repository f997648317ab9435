package io.tenantry.bootstrap;

import io.tenantry.application.admin.AdminService;
import io.tenantry.application.admin.AdminUseCases.ProvisionTenantCommand;
import io.tenantry.application.order.OrderQuery;
import io.tenantry.application.order.OrderService;
import io.tenantry.application.order.PlaceOrderCommand;
import io.tenantry.domain.order.OrderLine;
import io.tenantry.kernel.context.TenantContext;
import io.tenantry.kernel.context.TenantId;
import io.tenantry.kernel.context.TenantIdentity;
import io.tenantry.kernel.context.Tier;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The demo tenants of the embedded defaults: {@code acme} (enterprise), {@code globex} (pro), {@code initech} (free),
 * each with a few orders, and {@code platform}, the home tenant of the operator. Provisioning goes through the
 * audited admin use cases like any operator's would.
 */
public final class DemoData {

    public static final TenantId PLATFORM = TenantId.of("platform");
    public static final Map<TenantId, Tier> TENANTS = Map.of(
            TenantId.of("acme"), Tier.ENTERPRISE, TenantId.of("globex"), Tier.PRO, TenantId.of("initech"), Tier.FREE);

    /** The identity that provisions: the operator of the platform tenant. */
    public static final TenantIdentity OPERATOR = new TenantIdentity(PLATFORM, Tier.ENTERPRISE, "operator",
            Set.of(TenantIdentity.ADMIN));

    private DemoData() {
    }

    public static void seed(AdminService admin, OrderService orders) {
        TenantContext.run(OPERATOR, () -> {
            admin.provision(new ProvisionTenantCommand(PLATFORM, "Platform operators", Tier.ENTERPRISE));
            TENANTS.forEach((id, tier) -> admin.provision(new ProvisionTenantCommand(id, title(id), tier)));
        });
        TENANTS.forEach((id, tier) -> TenantContext.run(member(id, tier, "seed"), () -> {
            if (orders.list(OrderQuery.first(1)).items().isEmpty()) {
                for (int i = 1; i <= 3; i++) {
                    orders.place(new PlaceOrderCommand(title(id) + " customer " + i,
                            List.of(new OrderLine("SKU-" + i, i, 1_000L * i), new OrderLine("SKU-SHIP", 1, 499))));
                }
            }
        }));
    }

    public static TenantIdentity member(TenantId tenant, Tier tier, String subject) {
        return new TenantIdentity(tenant, tier, subject, Set.of(TenantIdentity.MEMBER));
    }

    public static TenantIdentity owner(TenantId tenant, Tier tier, String subject) {
        return new TenantIdentity(tenant, tier, subject, Set.of(TenantIdentity.MEMBER, TenantIdentity.OWNER));
    }

    private static String title(TenantId id) {
        return Character.toUpperCase(id.value().charAt(0)) + id.value().substring(1);
    }
}
