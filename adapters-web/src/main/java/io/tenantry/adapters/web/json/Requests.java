package io.tenantry.adapters.web.json;

import io.tenantry.application.order.PlaceOrderCommand;
import io.tenantry.domain.order.Order;

import java.util.List;

/** The request bodies the API accepts; unknown fields are refused by the JSON reader. */
public final class Requests {

    private Requests() {
    }

    /** {@code POST /api/orders}. */
    public record PlaceOrder(String customer, List<OrderJson.LineJson> lines) {
        public PlaceOrderCommand toCommand() {
            if (customer == null) {
                throw new IllegalArgumentException("'customer' is required");
            }
            if (lines == null || lines.isEmpty() || lines.size() > Order.MAX_LINES) {
                throw new IllegalArgumentException("'lines' must hold 1.." + Order.MAX_LINES + " lines");
            }
            return new PlaceOrderCommand(customer, lines.stream().map(line -> {
                if (line == null) {
                    throw new IllegalArgumentException("'lines' must not contain null");
                }
                return line.toDomain();
            }).toList());
        }
    }

    /** {@code PATCH /api/orders/{id}}. */
    public record ChangeStatus(String status) {
    }

    /** {@code POST /api/users}. */
    public record RegisterUser(String email, String name) {
    }

    /** {@code PATCH /api/users/{id}}. */
    public record UpdateUser(String email, String name) {
    }

    /** {@code POST /admin/tenants}. */
    public record ProvisionTenant(String id, String name, String tier) {
    }

    /** {@code PATCH /admin/tenants/{id}}. */
    public record ChangeTenant(String tier, String status) {
    }
}
