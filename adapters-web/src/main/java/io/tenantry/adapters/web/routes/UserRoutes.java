package io.tenantry.adapters.web.routes;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.tenantry.adapters.web.auth.TenantGateway;
import io.tenantry.adapters.web.http.JsonCodec;
import io.tenantry.adapters.web.http.Problem;
import io.tenantry.adapters.web.http.ProblemException;
import io.tenantry.adapters.web.http.RequestBodies;
import io.tenantry.adapters.web.json.Requests;
import io.tenantry.adapters.web.json.Responses.UserJson;
import io.tenantry.application.user.RegisterUserCommand;
import io.tenantry.application.user.UpdateUserCommand;
import io.tenantry.application.user.UserUseCases.GetUserUseCase;
import io.tenantry.application.user.UserUseCases.RegisterUserUseCase;
import io.tenantry.application.user.UserUseCases.UpdateUserUseCase;
import io.tenantry.application.user.UserUseCases.UserOutcome;
import io.tenantry.domain.user.Email;
import io.tenantry.domain.user.User;
import io.tenantry.domain.user.UserId;
import io.tenantry.kernel.context.TenantIdentity;

import java.util.Optional;
import java.util.Set;

/** {@code /api/users}: the current tenant's users, read through the tenant cache. */
public final class UserRoutes {

    private static final Set<String> MEMBERS = Set.of(TenantIdentity.MEMBER, TenantIdentity.OWNER);

    /** The in-ports these routes call. */
    public record UseCases(RegisterUserUseCase register, GetUserUseCase get, UpdateUserUseCase update) {
    }

    private final UseCases users;
    private final JsonCodec json;

    public UserRoutes(UseCases users, JsonCodec json) {
        this.users = users;
        this.json = json;
    }

    public void register(RoutesConfig routes, TenantGateway gateway) {
        routes.post("/api/users", gateway.requireAnyRole(MEMBERS, this::register));
        routes.get("/api/users/{id}", gateway.requireAnyRole(MEMBERS, this::get));
        routes.patch("/api/users/{id}", gateway.requireAnyRole(MEMBERS, this::update));
    }

    private void register(Context ctx) {
        Requests.RegisterUser request = RequestBodies.json(ctx, json, Requests.RegisterUser.class);
        RegisterUserCommand command = RequestBodies.valid(() -> new RegisterUserCommand(new Email(request.email()),
                requireName(request.name())));
        User user = saved(users.register().register(command));
        ctx.status(201).header("Location", "/api/users/" + user.id()).json(UserJson.from(user));
    }

    private void get(Context ctx) {
        User user = users.get().get(new UserId(RequestBodies.id(ctx, "id")))
                .orElseThrow(() -> new ProblemException(Problem.notFound()));
        ctx.json(UserJson.from(user));
    }

    private void update(Context ctx) {
        UserId id = new UserId(RequestBodies.id(ctx, "id"));
        Requests.UpdateUser request = RequestBodies.json(ctx, json, Requests.UpdateUser.class);
        UpdateUserCommand command = RequestBodies.valid(() -> new UpdateUserCommand(id,
                Optional.ofNullable(request.email()).map(Email::new),
                Optional.ofNullable(request.name()).map(UserRoutes::requireName)));
        ctx.json(UserJson.from(saved(users.update().update(command))));
    }

    private static User saved(UserOutcome outcome) {
        return switch (outcome) {
            case UserOutcome.Saved(User user) -> user;
            case UserOutcome.NotFound notFound -> throw new ProblemException(Problem.notFound());
            case UserOutcome.EmailTaken taken ->
                    throw new ProblemException(Problem.conflict("This e-mail address is already used in this tenant."));
        };
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank() || name.strip().length() > User.MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("'name' must be 1.." + User.MAX_NAME_LENGTH + " characters");
        }
        return name;
    }
}
