package io.tenantry.application.admin;

import io.tenantry.application.order.NewestOrders;
import io.tenantry.application.tenant.Tenant;
import io.tenantry.application.tenant.TenantStatus;
import io.tenantry.kernel.audit.AuditEvent;
import io.tenantry.kernel.context.TenantId;
import io.tenantry.kernel.context.Tier;

import java.util.List;
import java.util.Optional;

/**
 * The platform operator's in-ports. Every one of them crosses tenants, so every one runs through the audited
 * bypass and needs the role {@code admin}; {@link AdminService} implements them all.
 */
public final class AdminUseCases {

    private AdminUseCases() {
    }

    /** The newest orders of every tenant; the databases that could not be read are named, not fatal. */
    public interface ListAllOrdersUseCase {
        NewestOrders listAllOrders(int limit);
    }

    public interface ReadAuditLogUseCase {
        List<AuditEvent> readAuditLog(int limit);
    }

    public interface ListTenantsUseCase {
        List<Tenant> listTenants();
    }

    public interface ProvisionTenantUseCase {
        ProvisionOutcome provision(ProvisionTenantCommand command);
    }

    public interface ChangeTenantUseCase {
        Optional<Tenant> change(ChangeTenantCommand command);
    }

    /** Gives a suspended tenant a database of its own, migrated, from its next call on. */
    public interface GiveOwnDatabaseUseCase {
        DatabaseMove giveOwnDatabase(TenantId tenant);
    }

    /** Retires a suspended tenant's own database, once it holds no rows of the tenant. */
    public interface RetireOwnDatabaseUseCase {
        DatabaseMove retireOwnDatabase(TenantId tenant);
    }

    /**
     * Records that the current caller knocked at an operator's door ({@code operation}, e.g. {@code GET /admin/orders})
     * and was refused for {@code reason}. Needs no role: whoever was refused is what goes on record.
     */
    public interface RecordRefusedAdminAttemptUseCase {
        void refused(String operation, String reason);
    }

    /** A new tenant. */
    public record ProvisionTenantCommand(TenantId id, String name, Tier tier) {
        public ProvisionTenantCommand {
            java.util.Objects.requireNonNull(id, "'id' must not be null");
            java.util.Objects.requireNonNull(name, "'name' must not be null");
            java.util.Objects.requireNonNull(tier, "'tier' must not be null");
        }
    }

    /** A change of tier or status; absent fields stay. */
    public record ChangeTenantCommand(TenantId id, Optional<Tier> tier, Optional<TenantStatus> status) {
        public ChangeTenantCommand {
            java.util.Objects.requireNonNull(id, "'id' must not be null");
            java.util.Objects.requireNonNull(tier, "'tier' must not be null");
            java.util.Objects.requireNonNull(status, "'status' must not be null");
        }
    }

    /** What provisioning came to. */
    public sealed interface ProvisionOutcome {
        record Provisioned(Tenant tenant) implements ProvisionOutcome {
        }

        record AlreadyExists() implements ProvisionOutcome {
        }
    }
}
