package io.tenantry.application.order;

import io.tenantry.application.order.OrderUseCases.StatusChangeOutcome;
import io.tenantry.domain.order.Order;
import io.tenantry.domain.order.OrderId;
import io.tenantry.domain.order.OrderLine;
import io.tenantry.domain.order.OrderStatus;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class OrderServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private final OrderRepository orders = mock(OrderRepository.class);
    private final OrderService service = new OrderService(orders, Clock.fixed(NOW, ZoneOffset.UTC));
    private final Order open = Order.place(OrderId.random(), "c", List.of(new OrderLine("S", 1, 1)), NOW.minusSeconds(60));

    @Test
    void placingStoresAnOpenOrderStampedByTheClock() {
        Order placed = service.place(new PlaceOrderCommand("c", List.of(new OrderLine("S", 2, 5))));
        verify(orders).add(placed);
        assertEquals(OrderStatus.OPEN, placed.status());
        assertEquals(NOW, placed.createdAt());
    }

    @Test
    void aChangeIsStoredOnlyIfTheStoredStatusIsStillTheOneRead() {
        when(orders.find(open.id())).thenReturn(Optional.of(open));
        when(orders.replaceStatus(any(), eq(OrderStatus.OPEN))).thenReturn(true);
        Order paid = assertInstanceOf(StatusChangeOutcome.Changed.class, service.changeStatus(open.id(), OrderStatus.PAID)).order();
        assertEquals(OrderStatus.PAID, paid.status());
        assertEquals(NOW, paid.updatedAt());
    }

    @Test
    void aConcurrentChangeIsRefusedNotOverwritten() {
        when(orders.find(open.id())).thenReturn(Optional.of(open));
        when(orders.replaceStatus(any(), eq(OrderStatus.OPEN))).thenReturn(false);
        assertInstanceOf(StatusChangeOutcome.Refused.class, service.changeStatus(open.id(), OrderStatus.PAID));
    }

    @Test
    void aForbiddenTransitionIsRefusedWithoutWriting() {
        when(orders.find(open.id())).thenReturn(Optional.of(open));
        assertInstanceOf(StatusChangeOutcome.Refused.class, service.changeStatus(open.id(), OrderStatus.SHIPPED));
        verify(orders, never()).replaceStatus(any(), any());
    }

    @Test
    void aMissingOrderIsNotFound() {
        when(orders.find(open.id())).thenReturn(Optional.empty());
        assertInstanceOf(StatusChangeOutcome.NotFound.class, service.changeStatus(open.id(), OrderStatus.PAID));
    }
}
