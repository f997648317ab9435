package io.tenantry.adapters.web.routes;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.tenantry.adapters.web.auth.TenantGateway;
import io.tenantry.adapters.web.http.JsonCodec;
import io.tenantry.adapters.web.http.Problem;
import io.tenantry.adapters.web.http.ProblemException;
import io.tenantry.adapters.web.http.RequestBodies;
import io.tenantry.adapters.web.json.Requests;
import io.tenantry.adapters.web.json.Responses;
import io.tenantry.adapters.web.json.Responses.AuditEventJson;
import io.tenantry.adapters.web.json.Responses.TenantJson;
import io.tenantry.adapters.web.json.Responses.TenantOrderJson;
import io.tenantry.adapters.web.json.Responses.TenantOrders;
import io.tenantry.application.order.NewestOrders;
import io.tenantry.application.admin.AdminUseCases.ChangeTenantUseCase;
import io.tenantry.application.admin.AdminUseCases.ListAllOrdersUseCase;
import io.tenantry.application.admin.AdminUseCases.ListTenantsUseCase;
import io.tenantry.application.admin.AdminUseCases.ProvisionTenantUseCase;
import io.tenantry.application.admin.AdminUseCases.ReadAuditLogUseCase;
import io.tenantry.application.admin.AdminUseCases.ChangeTenantCommand;
import io.tenantry.application.admin.AdminUseCases.ProvisionOutcome;
import io.tenantry.application.admin.AdminUseCases.ProvisionTenantCommand;
import io.tenantry.application.admin.AdminUseCases.GiveOwnDatabaseUseCase;
import io.tenantry.application.admin.AdminUseCases.RetireOwnDatabaseUseCase;
import io.tenantry.application.admin.DatabaseMove;
import io.tenantry.application.tenant.Tenant;
import io.tenantry.application.tenant.TenantStatus;
import io.tenantry.kernel.context.TenantId;
import io.tenantry.kernel.context.Tier;

import java.util.Optional;

/** {@code /admin}: the platform operator's routes; every one crosses tenants through the audited bypass. */
public final class AdminRoutes {

    /** The in-ports these routes call. */
    public record UseCases(ListTenantsUseCase listTenants, ProvisionTenantUseCase provision, ChangeTenantUseCase change,
                           ListAllOrdersUseCase listAllOrders, ReadAuditLogUseCase readAuditLog,
                           GiveOwnDatabaseUseCase giveOwnDatabase, RetireOwnDatabaseUseCase retireOwnDatabase) {
    }

    private final UseCases admin;
    private final JsonCodec json;

    public AdminRoutes(UseCases admin, JsonCodec json) {
        this.admin = admin;
        this.json = json;
    }

    public void register(RoutesConfig routes, TenantGateway gateway) {
        routes.get("/admin/tenants", gateway.requireOperator(this::listTenants));
        routes.post("/admin/tenants", gateway.requireOperator(this::provision));
        routes.patch("/admin/tenants/{id}", gateway.requireOperator(this::change));
        routes.post("/admin/tenants/{id}/database", gateway.requireOperator(this::giveOwnDatabase));
        routes.delete("/admin/tenants/{id}/database", gateway.requireOperator(this::retireOwnDatabase));
        routes.get("/admin/orders", gateway.requireOperator(this::listOrders));
        routes.get("/admin/audit", gateway.requireOperator(this::audit));
    }

    private void listTenants(Context ctx) {
        ctx.json(new Responses.Items<>(admin.listTenants().listTenants().stream().map(TenantJson::from).toList()));
    }

    private void provision(Context ctx) {
        Requests.ProvisionTenant request = RequestBodies.json(ctx, json, Requests.ProvisionTenant.class);
        ProvisionTenantCommand command = RequestBodies.valid(() -> new ProvisionTenantCommand(
                TenantId.of(request.id()), request.name(), tier(request.tier())));
        RequestBodies.valid(() -> new Tenant(command.id(), command.name(), command.tier(), TenantStatus.ACTIVE));
        switch (admin.provision().provision(command)) {
            case ProvisionOutcome.Provisioned(Tenant tenant) ->
                    ctx.status(201).header("Location", "/admin/tenants/" + tenant.id()).json(TenantJson.from(tenant));
            case ProvisionOutcome.AlreadyExists exists ->
                    throw new ProblemException(Problem.conflict("A tenant with this id already exists."));
        }
    }

    private void giveOwnDatabase(Context ctx) {
        TenantId tenant = tenantInPath(ctx);
        Tenant moved = movedOrProblem(ctx, admin.giveOwnDatabase().giveOwnDatabase(tenant));
        ctx.status(201).header("Location", "/admin/tenants/" + tenant + "/database").json(TenantJson.from(moved));
    }

    private void retireOwnDatabase(Context ctx) {
        ctx.json(TenantJson.from(movedOrProblem(ctx, admin.retireOwnDatabase().retireOwnDatabase(tenantInPath(ctx)))));
    }

    /** The tenant as it is after the move, or the problem that says why its rows did not move. */
    private static Tenant movedOrProblem(Context ctx, DatabaseMove outcome) {
        return switch (outcome) {
            case DatabaseMove.Moved(Tenant tenant) -> tenant;
            case DatabaseMove.Retired(Tenant tenant, String former) -> tenant;
            case DatabaseMove.SuspendedTooRecently(java.time.Duration wait) -> {
                ctx.header("Retry-After", String.valueOf(Math.max(1, (wait.toMillis() + 999) / 1_000)));
                throw new ProblemException(Problem.conflict("The tenant was suspended too recently: an instance may "
                        + "still serve it. Try again after Retry-After."));
            }
            case DatabaseMove.UnknownTenant unknown -> throw new ProblemException(Problem.notFound());
            case DatabaseMove.StillActive active -> throw new ProblemException(Problem.conflict(
                    "The tenant is active. Suspend it first, and wait for the tenant cache's age, so that no instance "
                            + "serves it while its rows move."));
            case DatabaseMove.AlreadyThere there -> throw new ProblemException(Problem.conflict(
                    "The tenant's rows already live there."));
            case DatabaseMove.HoldsRows(long rows) -> throw new ProblemException(Problem.conflict(
                    "The tenant holds " + rows + " rows where it would leave, and rows are not moved."));
            case DatabaseMove.DeclaredInConfiguration declared -> throw new ProblemException(Problem.conflict(
                    "The tenant's own database is declared in the configuration; only a restart changes it."));
            case DatabaseMove.CannotProvision cannot -> throw new ProblemException(Problem.conflict(
                    "The database cannot be created or dropped here: this instance holds no migrator login, the "
                            + "migrator may not create databases, or a database of that name exists and is not this "
                            + "tenant's. The service's log says which."));
        };
    }

    private static TenantId tenantInPath(Context ctx) {
        String rawId = ctx.pathParam("id");
        if (!TenantId.isValid(rawId)) {
            throw new ProblemException(Problem.notFound());
        }
        return TenantId.of(rawId);
    }

    private void change(Context ctx) {
        String rawId = tenantInPath(ctx).value();
        Requests.ChangeTenant request = RequestBodies.json(ctx, json, Requests.ChangeTenant.class);
        ChangeTenantCommand command = RequestBodies.valid(() -> new ChangeTenantCommand(TenantId.of(rawId),
                Optional.ofNullable(request.tier()).map(AdminRoutes::tier),
                Optional.ofNullable(request.status()).map(status -> TenantStatus.fromWireName(status)
                        .orElseThrow(() -> new IllegalArgumentException("'status' must be active or suspended")))));
        Tenant changed = admin.change().change(command).orElseThrow(() -> new ProblemException(Problem.notFound()));
        ctx.json(TenantJson.from(changed));
    }

    private void listOrders(Context ctx) {
        int limit = RequestBodies.intParam(ctx, "limit", 100, 1, 1_000);
        NewestOrders newest = admin.listAllOrders().listAllOrders(limit);
        ctx.json(new TenantOrders(newest.orders().stream().map(TenantOrderJson::from).toList(), newest.unreadable()));
    }

    private void audit(Context ctx) {
        int limit = RequestBodies.intParam(ctx, "limit", 100, 1, 1_000);
        ctx.json(new Responses.Items<>(admin.readAuditLog().readAuditLog(limit).stream().map(AuditEventJson::from).toList()));
    }

    private static Tier tier(String raw) {
        return Tier.fromWireName(raw).orElseThrow(() -> new IllegalArgumentException("'tier' must be free, pro or enterprise"));
    }
}
