package io.tenantry.application.admin;

import io.tenantry.application.admin.AdminUseCases.ChangeTenantCommand;
import io.tenantry.application.admin.AdminUseCases.ChangeTenantUseCase;
import io.tenantry.application.admin.AdminUseCases.ListAllOrdersUseCase;
import io.tenantry.application.admin.AdminUseCases.ListTenantsUseCase;
import io.tenantry.application.admin.AdminUseCases.ProvisionOutcome;
import io.tenantry.application.admin.AdminUseCases.ProvisionTenantCommand;
import io.tenantry.application.admin.AdminUseCases.ProvisionTenantUseCase;
import io.tenantry.application.admin.AdminUseCases.ReadAuditLogUseCase;
import io.tenantry.application.admin.AdminUseCases.RecordRefusedAdminAttemptUseCase;
import io.tenantry.application.order.EveryDatabaseOrders;
import io.tenantry.application.order.NewestOrders;
import io.tenantry.application.tenant.Tenant;
import io.tenantry.application.tenant.TenantAccess;
import io.tenantry.application.tenant.TenantDirectory;
import io.tenantry.application.tenant.TenantDirectory.TenantAlreadyExists;
import io.tenantry.application.tenant.TenantStatus;
import io.tenantry.kernel.audit.AuditEvent;
import io.tenantry.kernel.audit.AuditLog;
import io.tenantry.kernel.audit.Bypass;
import io.tenantry.kernel.audit.BypassRequest;
import io.tenantry.kernel.context.TenantContext;
import io.tenantry.kernel.context.TenantId;
import io.tenantry.kernel.context.TenantIdentity;
import io.tenantry.kernel.policy.AccessDenied;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;

/**
 * The platform operator's use cases. Each checks the role {@code admin} and runs its work through the
 * {@link Bypass}, so each call leaves exactly one audit event, whether it succeeds or fails.
 */
public final class AdminService implements ListAllOrdersUseCase, ReadAuditLogUseCase, ListTenantsUseCase,
        ProvisionTenantUseCase, ChangeTenantUseCase, RecordRefusedAdminAttemptUseCase,
        AdminUseCases.GiveOwnDatabaseUseCase, AdminUseCases.RetireOwnDatabaseUseCase {

    private static final String ALL_TENANTS = "all-tenants";

    private final Bypass bypass;
    private final EveryDatabaseOrders orders;
    private final TenantDirectory tenants;
    private final AuditLog audit;
    private final TenantAccess access;
    private final TenantDatabases databases;

    @Inject
    public AdminService(Bypass bypass, EveryDatabaseOrders orders, TenantDirectory tenants, AuditLog audit,
                        TenantAccess access, TenantDatabases databases) {
        this.bypass = bypass;
        this.databases = databases;
        this.orders = orders;
        this.tenants = tenants;
        this.audit = audit;
        this.access = access;
    }

    @Override
    public NewestOrders listAllOrders(int limit) {
        requireAdmin();
        return bypass.call(new BypassRequest("admin.orders.list", ALL_TENANTS, "platform operator lists orders"),
                () -> orders.newest(limit), newest -> newest.orders().size());
    }

    @Override
    public List<AuditEvent> readAuditLog(int limit) {
        requireAdmin();
        return bypass.list(new BypassRequest("admin.audit.read", ALL_TENANTS, "platform operator reads the audit log"),
                () -> audit.newest(limit));
    }

    @Override
    public List<Tenant> listTenants() {
        requireAdmin();
        return bypass.list(new BypassRequest("admin.tenants.list", ALL_TENANTS, "platform operator lists tenants"),
                tenants::listAll);
    }

    @Override
    public ProvisionOutcome provision(ProvisionTenantCommand command) {
        requireAdmin();
        Tenant tenant = new Tenant(command.id(), command.name(), command.tier(), TenantStatus.ACTIVE);
        return bypass.call(new BypassRequest("admin.tenants.provision", command.id().value(),
                "platform operator provisions a tenant", "tier=" + command.tier().wireName() + " status=active"), () -> {
                    try {
                        tenants.provision(tenant);
                        return new ProvisionOutcome.Provisioned(tenant);
                    } catch (TenantAlreadyExists exists) {
                        return new ProvisionOutcome.AlreadyExists();
                    }
                }, outcome -> outcome instanceof ProvisionOutcome.Provisioned ? 1 : 0);
    }

    @Override
    public Optional<Tenant> change(ChangeTenantCommand command) {
        requireAdmin();
        Optional<Tenant> changed = bypass.call(new BypassRequest("admin.tenants.change", command.id().value(),
                "platform operator changes a tenant's tier or status", changes(command)), () -> tenants.find(command.id())
                .flatMap(current -> tenants.update(current.with(command.tier().orElse(current.tier()),
                        command.status().orElse(current.status())))), result -> result.isPresent() ? 1 : 0);
        access.evict(command.id());
        return changed;
    }

    @Override
    public DatabaseMove giveOwnDatabase(TenantId tenant) {
        requireAdmin();
        DatabaseMove outcome = bypass.call(new BypassRequest("admin.tenants.database.give", tenant.value(),
                        "platform operator gives a tenant a database of its own"),
                () -> refusalToMove(tenants.find(tenant)).orElseGet(() -> databases.giveOwnDatabase(tenant, access.maxAge())),
                AdminService::moved);
        access.evict(tenant);
        return outcome;
    }

    @Override
    public DatabaseMove retireOwnDatabase(TenantId tenant) {
        requireAdmin();
        DatabaseMove outcome = bypass.call(new BypassRequest("admin.tenants.database.retire", tenant.value(),
                        "platform operator retires a tenant's own database"),
                () -> refusalToMove(tenants.find(tenant)).orElseGet(() -> databases.retireOwnDatabase(tenant, access.maxAge())),
                AdminService::moved);
        access.evict(tenant);
        if (outcome instanceof DatabaseMove.Retired(Tenant retired, String former)) {
            // only now is it committed that the tenant no longer names its former database: drop it
            bypass.call(new BypassRequest("admin.tenants.database.drop", tenant.value(),
                    "platform operator drops the database a tenant left"), () -> databases.dropRetired(tenant, former),
                    dropped -> dropped ? 1 : 0);
        }
        return outcome;
    }

    /**
     * Why a tenant's rows may not move now, if they may not: it must exist and be suspended, so that no instance
     * serves it while they move (the entry each instance reads next says where its rows live).
     */
    private static Optional<DatabaseMove> refusalToMove(Optional<Tenant> found) {
        if (found.isEmpty()) {
            return Optional.of(new DatabaseMove.UnknownTenant());
        }
        return found.get().active() ? Optional.of(new DatabaseMove.StillActive()) : Optional.empty();
    }

    private static long moved(DatabaseMove outcome) {
        return outcome instanceof DatabaseMove.Moved || outcome instanceof DatabaseMove.Retired ? 1 : 0;
    }

    @Override
    public void refused(String operation, String reason) {
        bypass.refused(new BypassRequest("admin.refused", operation, "an operator's operation was asked for"), reason);
    }

    /** The new tier and status a change asks for, as the audit event records them. */
    private static String changes(ChangeTenantCommand command) {
        String tier = command.tier().map(value -> "tier=" + value.wireName()).orElse("");
        String status = command.status().map(value -> "status=" + value.wireName()).orElse("");
        return (tier + " " + status).strip();
    }

    private static void requireAdmin() {
        TenantIdentity identity = TenantContext.require("an admin use case");
        if (!identity.hasRole(TenantIdentity.ADMIN)) {
            throw new AccessDenied("the role 'admin' is required");
        }
    }
}
