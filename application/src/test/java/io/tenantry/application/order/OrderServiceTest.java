package io.tenantry.application.order;

import io.tenantry.application.idempotency.Claim;
import io.tenantry.application.idempotency.IdempotencyKey;
import io.tenantry.application.idempotency.IdempotencyStore;
import io.tenantry.application.idempotency.StoredResponse;
import io.tenantry.application.order.OrderUseCases.PlaceOnceOutcome;
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
    private final IdempotencyStore idempotency = mock(IdempotencyStore.class);
    private final OrderService service = new OrderService(orders, idempotency, Clock.fixed(NOW, ZoneOffset.UTC));
    private final Order open = Order.place(OrderId.random(), "c", List.of(new OrderLine("S", 1, 1)), NOW.minusSeconds(60));

    private static final IdempotencyKey KEY = new IdempotencyKey("key-1");
    private static final StoredResponse STORED = new StoredResponse(201, "{}", Optional.of("/api/orders/x"));

    private PlaceOrderOnceCommand once() {
        return new PlaceOrderOnceCommand(new PlaceOrderCommand("c", List.of(new OrderLine("S", 1, 1))), KEY, "hash",
                order -> STORED);
    }

    @Test
    void placingOnceStoresTheAnswerWithTheOrderWhileHoldingTheClaim() {
        when(idempotency.claim(KEY, "hash")).thenReturn(new Claim.Claimed());
        when(orders.addCompletingClaim(any(), eq(KEY), eq(STORED))).thenReturn(true);
        assertEquals(new PlaceOnceOutcome.Placed(STORED), service.placeOnce(once()));
        verify(idempotency, never()).release(KEY);
    }

    @Test
    void aReplayAnInFlightClaimOrAReusedKeyPlacesNothing() {
        when(idempotency.claim(KEY, "hash")).thenReturn(new Claim.Replay(STORED), new Claim.InFlight(), new Claim.Mismatch());
        assertEquals(new PlaceOnceOutcome.Replayed(STORED), service.placeOnce(once()));
        assertEquals(new PlaceOnceOutcome.StillInFlight(), service.placeOnce(once()));
        assertEquals(new PlaceOnceOutcome.KeyReused(), service.placeOnce(once()));
        verify(orders, never()).addCompletingClaim(any(), any(), any());
    }

    @Test
    void aFailureWhileHoldingTheClaimReleasesItForARetry() {
        when(idempotency.claim(KEY, "hash")).thenReturn(new Claim.Claimed());
        when(orders.addCompletingClaim(any(), eq(KEY), eq(STORED))).thenThrow(new IllegalStateException("down"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> service.placeOnce(once()));
        verify(idempotency).release(KEY);
    }

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
