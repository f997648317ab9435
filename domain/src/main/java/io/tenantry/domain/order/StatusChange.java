package io.tenantry.domain.order;

/** The result of asking an order to change status: a broken transition rule is a value, not an exception. */
public sealed interface StatusChange {

    /** The order after the change. */
    record Changed(Order order) implements StatusChange {
    }

    /** The order's current status does not allow {@code requested}. */
    record Refused(OrderStatus current, OrderStatus requested) implements StatusChange {

        public String reason() {
            return "an order that is " + current.wireName() + " cannot become " + requested.wireName();
        }
    }
}
