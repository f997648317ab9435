package io.tenantry.domain.order;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrderTest {

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);

    private static Order open() {
        return Order.place(OrderId.random(), " ACME Corp ", List.of(new OrderLine("SKU-1", 2, 1_250),
                new OrderLine("SKU-2", 1, 99)), T0);
    }

    @Test
    void aPlacedOrderIsOpenWithItsTotalComputedFromItsLines() {
        Order order = open();
        assertEquals(OrderStatus.OPEN, order.status());
        assertEquals(2_599, order.totalCents());
        assertEquals("ACME Corp", order.customer());
        assertEquals(T0, order.createdAt());
        assertEquals(T0, order.updatedAt());
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            "OPEN, PAID, true", "OPEN, CANCELLED, true", "OPEN, SHIPPED, false", "OPEN, OPEN, false",
            "PAID, SHIPPED, true", "PAID, CANCELLED, true", "PAID, OPEN, false", "PAID, PAID, false",
            "SHIPPED, OPEN, false", "SHIPPED, PAID, false", "SHIPPED, CANCELLED, false", "SHIPPED, SHIPPED, false",
            "CANCELLED, OPEN, false", "CANCELLED, PAID, false", "CANCELLED, SHIPPED, false", "CANCELLED, CANCELLED, false"})
    void statusTransitionsFollowTheLifecycle(OrderStatus from, OrderStatus to, boolean allowed) {
        Order order = new Order(OrderId.random(), "c", from, open().lines(), T0, T0);
        StatusChange change = order.changeStatus(to, T1);
        if (allowed) {
            Order changed = assertInstanceOf(StatusChange.Changed.class, change).order();
            assertEquals(to, changed.status());
            assertEquals(T1, changed.updatedAt());
            assertEquals(order.id(), changed.id());
            assertEquals(T0, changed.createdAt());
        } else {
            StatusChange.Refused refused = assertInstanceOf(StatusChange.Refused.class, change);
            assertEquals(from, refused.current());
            assertEquals(to, refused.requested());
            assertTrue(refused.reason().contains(to.wireName()), refused.reason());
        }
    }

    @Test
    void anOrderNeedsOneToAHundredLinesAndACustomer() {
        assertThrows(IllegalArgumentException.class, () -> Order.place(OrderId.random(), "c", List.of(), T0));
        List<OrderLine> tooMany = Collections.nCopies(101, new OrderLine("s", 1, 1));
        assertThrows(IllegalArgumentException.class, () -> Order.place(OrderId.random(), "c", tooMany, T0));
        assertEquals(100, Order.place(OrderId.random(), "c", tooMany.subList(0, 100), T0).lines().size());
        assertThrows(IllegalArgumentException.class, () -> Order.place(OrderId.random(), "   ", open().lines(), T0));
        assertThrows(IllegalArgumentException.class, () -> Order.place(OrderId.random(), "x".repeat(201), open().lines(), T0));
        assertThrows(NullPointerException.class, () -> Order.place(OrderId.random(), null, open().lines(), T0));
    }

    @Test
    void linesValidateTheirParts() {
        assertThrows(IllegalArgumentException.class, () -> new OrderLine("SKU", 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new OrderLine("SKU", -1, 1));
        assertThrows(IllegalArgumentException.class, () -> new OrderLine("SKU", 1, -1));
        assertThrows(IllegalArgumentException.class, () -> new OrderLine("", 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new OrderLine("a b", 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new OrderLine("S", OrderLine.MAX_QUANTITY + 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new OrderLine("S", 1, OrderLine.MAX_UNIT_PRICE_CENTS + 1));
        assertEquals(0, new OrderLine("FREE", 3, 0).totalCents());
    }

    @Test
    void theLargestPossibleOrderTotalsWithoutOverflow() {
        OrderLine biggest = new OrderLine("S", OrderLine.MAX_QUANTITY, OrderLine.MAX_UNIT_PRICE_CENTS);
        Order order = Order.place(OrderId.random(), "c", Collections.nCopies(Order.MAX_LINES, biggest), T0);
        assertEquals(100L * 1_000_000L * 1_000_000_000L, order.totalCents());
    }

    @Test
    void linesAreCopiedSoTheOrderCannotBeChangedFromOutside() {
        var lines = new java.util.ArrayList<>(List.of(new OrderLine("S", 1, 5)));
        Order order = Order.place(OrderId.random(), "c", lines, T0);
        lines.add(new OrderLine("T", 1, 5));
        assertEquals(1, order.lines().size());
        assertThrows(UnsupportedOperationException.class, () -> order.lines().add(new OrderLine("U", 1, 1)));
    }

    @Test
    void statusWireNamesRoundTrip() {
        for (OrderStatus status : OrderStatus.values()) {
            assertEquals(status, OrderStatus.fromWireName(status.wireName()).orElseThrow());
        }
        assertTrue(OrderStatus.fromWireName("OPEN").isEmpty());
        assertTrue(OrderStatus.fromWireName("refunded").isEmpty());
    }
}
