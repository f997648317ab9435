package io.tenantry.application.contract;

import io.tenantry.application.idempotency.Claim;
import io.tenantry.application.idempotency.IdempotencyKey;
import io.tenantry.application.idempotency.IdempotencyStore;
import io.tenantry.application.idempotency.StoredResponse;
import io.tenantry.application.order.OrderCursor;
import io.tenantry.application.order.OrderPage;
import io.tenantry.application.order.OrderQuery;
import io.tenantry.application.order.EveryDatabaseOrders;
import io.tenantry.application.order.NewestOrders;
import io.tenantry.application.order.OrderRepository;
import io.tenantry.application.order.TenantOrder;
import io.tenantry.domain.order.Order;
import io.tenantry.domain.order.OrderId;
import io.tenantry.domain.order.OrderStatus;
import io.tenantry.domain.order.StatusChange;
import io.tenantry.kernel.audit.BypassRequest;
import io.tenantry.kernel.context.MissingTenantContext;
import io.tenantry.kernel.policy.AccessDenied;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.tenantry.kernel.testing.TwoTenants.A;
import static io.tenantry.kernel.testing.TwoTenants.ADMIN;
import static io.tenantry.kernel.testing.TwoTenants.B;
import static io.tenantry.kernel.testing.TwoTenants.MEMBER_A;
import static io.tenantry.kernel.testing.TwoTenants.MEMBER_B;
import static io.tenantry.kernel.testing.TwoTenants.OWNER_A;
import static io.tenantry.kernel.testing.TwoTenants.OWNER_B;
import static io.tenantry.kernel.testing.TwoTenants.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every {@link OrderRepository} must do, run against each adapter. Every denial is paired with the
 * positive control that the owning tenant can do the same thing.
 */
public abstract class OrderRepositoryContract {

    protected abstract PersistenceFixture fixture();

    private OrderRepository orders;
    private Order ordersOfA;

    @BeforeEach
    void givenAnOrderOfTenantA() {
        fixture().reset();
        orders = fixture().orders();
        ordersOfA = Orders.sample("customer of A");
        as(MEMBER_A, () -> orders.add(ordersOfA));
    }

    @Test
    void anAddedOrderIsFoundWithItsLinesAndTotal() {
        Order found = as(MEMBER_A, () -> orders.find(ordersOfA.id())).orElseThrow();
        assertEquals(ordersOfA, found);
        assertEquals(2_599, found.totalCents());
    }

    @Test
    void anIdempotentPlacementStoresTheOrderAndCompletesItsClaimTogether() {
        IdempotencyStore claims = fixture().adapters().idempotency();
        IdempotencyKey key = new IdempotencyKey("place-" + java.util.UUID.randomUUID());
        StoredResponse created = new StoredResponse(201, "{\"placed\":true}", Optional.of("/api/orders/x"));
        Order order = Orders.sample("idempotent customer");
        assertInstanceOf(Claim.Claimed.class, as(MEMBER_A, () -> claims.claim(key, "hash")));

        assertTrue(as(MEMBER_A, () -> orders.addCompletingClaim(order, key, created)));

        assertEquals(Optional.of(order), as(MEMBER_A, () -> orders.find(order.id())));
        assertEquals(new Claim.Replay(created), as(MEMBER_A, () -> claims.claim(key, "hash")));
        as(MEMBER_A, () -> claims.release(key));
        assertEquals(new Claim.Replay(created), as(MEMBER_A, () -> claims.claim(key, "hash")),
                "a completed claim survives the release a failed request sends");
    }

    @Test
    void anIdempotentPlacementWithoutAClaimInFlightWritesNothing() {
        IdempotencyStore claims = fixture().adapters().idempotency();
        IdempotencyKey key = new IdempotencyKey("place-" + java.util.UUID.randomUUID());
        StoredResponse created = new StoredResponse(201, "{}", Optional.empty());
        Order unclaimed = Orders.sample("never claimed");
        assertFalse(as(MEMBER_A, () -> orders.addCompletingClaim(unclaimed, key, created)));
        assertEquals(Optional.empty(), as(MEMBER_A, () -> orders.find(unclaimed.id())));

        as(MEMBER_B, () -> claims.claim(key, "hash"));
        assertFalse(as(MEMBER_A, () -> orders.addCompletingClaim(unclaimed, key, created)),
                "another tenant's claim of the same key is not this tenant's");
        assertEquals(Optional.empty(), as(MEMBER_A, () -> orders.find(unclaimed.id())));

        as(MEMBER_A, () -> claims.claim(key, "hash"));
        assertTrue(as(MEMBER_A, () -> orders.addCompletingClaim(unclaimed, key, created)), "positive control");
        Order twice = Orders.sample("second placement under the same key");
        assertFalse(as(MEMBER_A, () -> orders.addCompletingClaim(twice, key, created)), "a completed claim places nothing more");
        assertEquals(Optional.empty(), as(MEMBER_A, () -> orders.find(twice.id())));
    }

    @Test
    void tenantBCannotReadTenantAsOrderById() {
        assertEquals(Optional.empty(), as(MEMBER_B, () -> orders.find(ordersOfA.id())));
        assertTrue(as(MEMBER_A, () -> orders.find(ordersOfA.id())).isPresent());
    }

    @Test
    void tenantBCannotListOrCountTenantAsOrders() {
        assertEquals(List.of(), as(MEMBER_B, () -> orders.page(OrderQuery.first(100))).items());
        assertEquals(0, as(MEMBER_B, orders::count));
        assertEquals(List.of(ordersOfA), as(MEMBER_A, () -> orders.page(OrderQuery.first(100))).items());
        assertEquals(1, as(MEMBER_A, orders::count));
    }

    @Test
    void tenantBCannotChangeTenantAsOrder() {
        Order paid = ((StatusChange.Changed) ordersOfA.changeStatus(OrderStatus.PAID, Orders.T0.plusSeconds(1))).order();
        assertFalse(as(MEMBER_B, () -> orders.replaceStatus(paid, OrderStatus.OPEN)));
        assertEquals(OrderStatus.OPEN, as(MEMBER_A, () -> orders.find(ordersOfA.id())).orElseThrow().status());

        assertTrue(as(MEMBER_A, () -> orders.replaceStatus(paid, OrderStatus.OPEN)));
        assertEquals(paid, as(MEMBER_A, () -> orders.find(ordersOfA.id())).orElseThrow());
    }

    @Test
    void aStatusChangeFromAStaleStatusIsRefused() {
        Order paid = ((StatusChange.Changed) ordersOfA.changeStatus(OrderStatus.PAID, Orders.T0.plusSeconds(1))).order();
        assertFalse(as(MEMBER_A, () -> orders.replaceStatus(paid, OrderStatus.SHIPPED)));
        assertEquals(OrderStatus.OPEN, as(MEMBER_A, () -> orders.find(ordersOfA.id())).orElseThrow().status());
    }

    @Test
    void tenantBCannotDeleteTenantAsOrder() {
        assertFalse(as(OWNER_B, () -> orders.delete(ordersOfA.id())));
        assertTrue(as(MEMBER_A, () -> orders.find(ordersOfA.id())).isPresent());
        assertTrue(as(OWNER_A, () -> orders.delete(ordersOfA.id())));
        assertEquals(Optional.empty(), as(MEMBER_A, () -> orders.find(ordersOfA.id())));
    }

    @Test
    void deletingNeedsTheOwnerRole() {
        assertThrows(AccessDenied.class, () -> as(MEMBER_A, () -> orders.delete(ordersOfA.id())));
        assertTrue(as(MEMBER_A, () -> orders.find(ordersOfA.id())).isPresent());
        assertTrue(as(OWNER_A, () -> orders.delete(ordersOfA.id())));
    }

    @Test
    void twoTenantsCanHoldOrdersUnderTheSameId() {
        Order sameIdInB = Orders.sample(ordersOfA.id(), "customer of B", Orders.T0);
        as(MEMBER_B, () -> orders.add(sameIdInB));
        assertEquals("customer of B", as(MEMBER_B, () -> orders.find(ordersOfA.id())).orElseThrow().customer());
        assertEquals("customer of A", as(MEMBER_A, () -> orders.find(ordersOfA.id())).orElseThrow().customer());
        assertTrue(as(OWNER_B, () -> orders.delete(ordersOfA.id())));
        assertTrue(as(MEMBER_A, () -> orders.find(ordersOfA.id())).isPresent(), "B's delete must not touch A's order");
    }

    @Test
    void pagesAreNewestFirstWithoutGapsOrDuplicates() {
        List<Order> added = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            Order order = Orders.sample(OrderId.random(), "c" + i, Orders.T0.plusSeconds(i / 2));
            added.add(order);
            as(MEMBER_A, () -> orders.add(order));
        }
        Set<OrderId> seen = new HashSet<>();
        List<Order> inOrder = new ArrayList<>();
        Optional<OrderCursor> cursor = Optional.empty();
        int pages = 0;
        do {
            OrderQuery query = new OrderQuery(10, cursor, Optional.empty());
            OrderPage page = as(MEMBER_A, () -> orders.page(query));
            page.items().forEach(order -> assertTrue(seen.add(order.id()), "duplicate " + order.id()));
            inOrder.addAll(page.items());
            cursor = page.next();
            pages++;
        } while (cursor.isPresent());
        assertEquals(3, pages);
        assertEquals(25, seen.size());
        added.add(ordersOfA);
        List<Order> expected = added.stream().sorted(java.util.Comparator.comparing(Order::createdAt)
                .thenComparing(order -> order.id().value().toString()).reversed()).toList();
        assertEquals(expected, inOrder, "newest first, ties by id");
        assertEquals(0, as(MEMBER_B, orders::count));
    }

    @Test
    void pagesCanBeFilteredByStatus() {
        Order paid = ((StatusChange.Changed) ordersOfA.changeStatus(OrderStatus.PAID, Orders.T0.plusSeconds(1))).order();
        as(MEMBER_A, () -> orders.replaceStatus(paid, OrderStatus.OPEN));
        as(MEMBER_A, () -> orders.add(Orders.sample("still open")));
        OrderPage paidOnly = as(MEMBER_A, () -> orders.page(new OrderQuery(10, Optional.empty(), Optional.of(OrderStatus.PAID))));
        assertEquals(List.of(paid), paidOnly.items());
        OrderPage openOnly = as(MEMBER_A, () -> orders.page(new OrderQuery(10, Optional.empty(), Optional.of(OrderStatus.OPEN))));
        assertEquals(1, openOnly.items().size());
        assertEquals("still open", openOnly.items().getFirst().customer());
    }

    @Test
    void listingAcrossTenantsRunsOnlyInsideTheBypass() {
        as(MEMBER_B, () -> orders.add(Orders.sample("customer of B")));
        EveryDatabaseOrders everyDatabase = fixture().everyDatabase();
        assertThrows(AccessDenied.class, () -> as(ADMIN, () -> everyDatabase.newest(10)));

        BypassRequest request = new BypassRequest("admin.orders.list", "all-tenants", "contract test");
        NewestOrders newest = as(ADMIN, () -> fixture().bypass().call(request, () -> everyDatabase.newest(10),
                listed -> listed.orders().size()));
        assertEquals(List.of(), newest.unreadable(), "every database answered");
        List<TenantOrder> all = newest.orders();
        assertEquals(Set.of(A, B), Set.copyOf(all.stream().map(TenantOrder::tenant).toList()));
        assertEquals(2, all.size());
    }

    @Test
    void repeatedReadsKeepReturningTheSameRows() {
        for (int i = 0; i < 12; i++) {
            assertEquals(List.of(ordersOfA), as(MEMBER_A, () -> orders.page(OrderQuery.first(20))).items(), "run " + i);
            assertEquals(List.of(), as(MEMBER_B, () -> orders.page(OrderQuery.first(20))).items(), "run " + i);
            assertTrue(as(MEMBER_A, () -> orders.find(ordersOfA.id())).isPresent(), "run " + i);
            assertEquals(1, as(MEMBER_A, orders::count), "run " + i);
        }
    }

    @Test
    void withoutATenantNothingRuns() {
        assertThrows(MissingTenantContext.class, () -> orders.find(ordersOfA.id()));
        assertThrows(MissingTenantContext.class, () -> orders.add(Orders.sample("nobody")));
        assertThrows(MissingTenantContext.class, orders::count);
        assertEquals(1, as(MEMBER_A, orders::count));
    }

    @Test
    void aPlacedOrderRoundTripsEveryField() {
        Order changed = assertInstanceOf(StatusChange.Changed.class,
                ordersOfA.changeStatus(OrderStatus.CANCELLED, Orders.T0.plusMillis(1_234))).order();
        as(MEMBER_A, () -> orders.replaceStatus(changed, OrderStatus.OPEN));
        Order found = as(MEMBER_A, () -> orders.find(ordersOfA.id())).orElseThrow();
        assertEquals(changed.updatedAt(), found.updatedAt());
        assertEquals(changed.createdAt(), found.createdAt());
        assertEquals(changed.lines(), found.lines());
        assertEquals(OrderStatus.CANCELLED, found.status());
    }
}
