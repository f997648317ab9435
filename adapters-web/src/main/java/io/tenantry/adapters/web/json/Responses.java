package io.tenantry.adapters.web.json;

import io.tenantry.application.order.TenantOrder;
import io.tenantry.application.tenant.Tenant;
import io.tenantry.domain.user.User;
import io.tenantry.kernel.audit.AuditEvent;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The response bodies besides orders. */
public final class Responses {

    private Responses() {
    }

    /** A list, and where the next page starts (null on the last page). */
    public record Page<T>(List<T> items, String nextCursor) {
    }

    /** A list without pages. */
    public record Items<T>(List<T> items) {
    }

    public record UserJson(UUID id, String email, String name, Instant createdAt) {
        public static UserJson from(User user) {
            return new UserJson(user.id().value(), user.email().value(), user.name(), user.createdAt());
        }
    }

    /** A tenant; {@code database} says where its rows live: {@code shared}, or {@code own} for a database of its own. */
    public record TenantJson(String id, String name, String tier, String status, String database) {
        public static TenantJson from(Tenant tenant) {
            return new TenantJson(tenant.id().value(), tenant.name(), tenant.tier().wireName(), tenant.status().wireName(),
                    tenant.ownDatabase().isPresent() ? "own" : "shared");
        }
    }

    /** An order in a cross-tenant listing, which must say whose it is. */
    public record TenantOrderJson(String tenantId, OrderJson order) {
        public static TenantOrderJson from(TenantOrder order) {
            return new TenantOrderJson(order.tenant().value(), OrderJson.from(order.order()));
        }
    }

    /**
     * The cross-tenant listing: the orders found, and the databases that could not be read for it ({@code shared},
     * or a tenant's id for its own database), so a partial answer never passes for a whole one.
     */
    public record TenantOrders(List<TenantOrderJson> items, List<String> unreadableDatabases) {
    }

    public record AuditEventJson(UUID id, Instant at, String actor, String actorTenant, String action,
                                 String targetScope, String justification, String outcome, long rows, String requestId,
                                 String source, String details) {
        public static AuditEventJson from(AuditEvent event) {
            return new AuditEventJson(event.id(), event.at(), event.actor(), event.actorTenant().value(), event.action(),
                    event.targetScope(), event.justification(), event.outcome().name().toLowerCase(Locale.ROOT), event.rows(),
                    event.requestId(), event.source(), event.details());
        }
    }

    public record Health(String status, java.util.Map<String, String> checks) {
    }
}
