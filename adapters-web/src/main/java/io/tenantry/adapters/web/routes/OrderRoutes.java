package io.tenantry.adapters.web.routes;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.tenantry.adapters.web.auth.TenantGateway;
import io.tenantry.adapters.web.http.JsonCodec;
import io.tenantry.adapters.web.http.Problem;
import io.tenantry.adapters.web.http.ProblemException;
import io.tenantry.adapters.web.http.RequestBodies;
import io.tenantry.adapters.web.json.OrderJson;
import io.tenantry.adapters.web.json.Requests;
import io.tenantry.adapters.web.json.Responses;
import io.tenantry.application.idempotency.IdempotencyKey;
import io.tenantry.application.idempotency.StoredResponse;
import io.tenantry.application.order.OrderCursor;
import io.tenantry.application.order.OrderPage;
import io.tenantry.application.order.OrderQuery;
import io.tenantry.application.order.OrderUseCases.ChangeOrderStatusUseCase;
import io.tenantry.application.order.OrderUseCases.DeleteOrderUseCase;
import io.tenantry.application.order.OrderUseCases.GetOrderUseCase;
import io.tenantry.application.order.OrderUseCases.ListOrdersUseCase;
import io.tenantry.application.order.OrderUseCases.PlaceOnceOutcome;
import io.tenantry.application.order.OrderUseCases.PlaceOrderOnceUseCase;
import io.tenantry.application.order.OrderUseCases.PlaceOrderUseCase;
import io.tenantry.application.order.OrderUseCases.StatusChangeOutcome;
import io.tenantry.application.order.PlaceOrderOnceCommand;
import io.tenantry.domain.order.Order;
import io.tenantry.domain.order.OrderId;
import io.tenantry.domain.order.OrderStatus;
import io.tenantry.kernel.context.TenantIdentity;
import io.tenantry.kernel.limits.TierLimits;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/** {@code /api/orders}: the current tenant's orders. */
public final class OrderRoutes {

    private static final Set<String> MEMBERS = Set.of(TenantIdentity.MEMBER, TenantIdentity.OWNER);

    /** The in-ports these routes call. */
    public record UseCases(PlaceOrderUseCase place, PlaceOrderOnceUseCase placeOnce, GetOrderUseCase get,
                           ListOrdersUseCase list, ChangeOrderStatusUseCase changeStatus, DeleteOrderUseCase delete) {
    }

    private final UseCases orders;
    private final JsonCodec json;

    public OrderRoutes(UseCases orders, JsonCodec json) {
        this.orders = orders;
        this.json = json;
    }

    public void register(RoutesConfig routes, TenantGateway gateway) {
        routes.post("/api/orders", gateway.requireAnyRole(MEMBERS, TierLimits.PLACE_ORDER, this::place));
        routes.get("/api/orders", gateway.requireAnyRole(MEMBERS, this::list));
        routes.get("/api/orders/{id}", gateway.requireAnyRole(MEMBERS, this::get));
        routes.patch("/api/orders/{id}", gateway.requireAnyRole(MEMBERS, this::changeStatus));
        routes.delete("/api/orders/{id}", gateway.requireAnyRole(Set.of(TenantIdentity.OWNER), this::delete));
    }

    private void place(Context ctx) {
        Requests.PlaceOrder request = RequestBodies.json(ctx, json, Requests.PlaceOrder.class);
        String key = ctx.header("Idempotency-Key");
        if (key == null) {
            send(ctx, placed(request));
            return;
        }
        IdempotencyKey idempotencyKey = RequestBodies.valid(() -> new IdempotencyKey(key));
        PlaceOrderOnceCommand command = new PlaceOrderOnceCommand(RequestBodies.valid(request::toCommand), idempotencyKey,
                sha256(ctx.bodyAsBytes()), this::created);
        switch (orders.placeOnce().placeOnce(command)) {
            case PlaceOnceOutcome.Placed(StoredResponse answer) -> send(ctx, answer);
            case PlaceOnceOutcome.Replayed(StoredResponse answer) -> send(ctx, answer);
            case PlaceOnceOutcome.StillInFlight inFlight -> throw new ProblemException(
                    Problem.conflict("A request with this Idempotency-Key is still being processed."));
            case PlaceOnceOutcome.KeyReused reused -> throw new ProblemException(
                    Problem.unprocessable("This Idempotency-Key was used with a different request body."));
        }
    }

    private StoredResponse placed(Requests.PlaceOrder request) {
        return created(orders.place().place(RequestBodies.valid(request::toCommand)));
    }

    private StoredResponse created(Order order) {
        return new StoredResponse(201, json.write(OrderJson.from(order)), Optional.of("/api/orders/" + order.id()));
    }

    private static void send(Context ctx, StoredResponse response) {
        response.location().ifPresent(location -> ctx.header("Location", location));
        ctx.status(response.status()).contentType("application/json").result(response.body());
    }

    private void list(Context ctx) {
        int limit = RequestBodies.intParam(ctx, "limit", OrderQuery.DEFAULT_LIMIT, 1, OrderQuery.MAX_LIMIT);
        Optional<OrderCursor> cursor = Optional.ofNullable(ctx.queryParam("cursor")).map(raw -> OrderCursor.decode(raw)
                .orElseThrow(() -> new ProblemException(Problem.badRequest("'cursor' is not a cursor this API gave out."))));
        Optional<OrderStatus> status = Optional.ofNullable(ctx.queryParam("status")).map(raw -> OrderStatus.fromWireName(raw)
                .orElseThrow(() -> new ProblemException(Problem.badRequest("'status' must be open, paid, shipped or cancelled."))));
        OrderPage page = orders.list().list(new OrderQuery(limit, cursor, status));
        ctx.json(new Responses.Page<>(page.items().stream().map(OrderJson::from).toList(),
                page.next().map(OrderCursor::encode).orElse(null)));
    }

    private void get(Context ctx) {
        Order order = orders.get().get(new OrderId(RequestBodies.id(ctx, "id")))
                .orElseThrow(() -> new ProblemException(Problem.notFound()));
        ctx.json(OrderJson.from(order));
    }

    private void changeStatus(Context ctx) {
        OrderId id = new OrderId(RequestBodies.id(ctx, "id"));
        Requests.ChangeStatus request = RequestBodies.json(ctx, json, Requests.ChangeStatus.class);
        OrderStatus next = Optional.ofNullable(request.status()).flatMap(OrderStatus::fromWireName).orElseThrow(
                () -> new ProblemException(Problem.badRequest("'status' must be open, paid, shipped or cancelled.")));
        switch (orders.changeStatus().changeStatus(id, next)) {
            case StatusChangeOutcome.Changed(Order order) -> ctx.json(OrderJson.from(order));
            case StatusChangeOutcome.NotFound notFound -> throw new ProblemException(Problem.notFound());
            case StatusChangeOutcome.Refused(String reason) -> throw new ProblemException(Problem.conflict(reason + "."));
        }
    }

    private void delete(Context ctx) {
        if (!orders.delete().delete(new OrderId(RequestBodies.id(ctx, "id")))) {
            throw new ProblemException(Problem.notFound());
        }
        ctx.status(204);
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
