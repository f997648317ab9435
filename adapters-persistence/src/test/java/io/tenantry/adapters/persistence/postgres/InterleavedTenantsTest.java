package io.tenantry.adapters.persistence.postgres;

import io.tenantry.application.contract.Orders;
import io.tenantry.application.order.OrderQuery;
import io.tenantry.domain.order.Order;
import io.tenantry.kernel.context.TenantContext;
import io.tenantry.kernel.context.TenantIdentity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import static io.tenantry.kernel.testing.TwoTenants.MEMBER_A;
import static io.tenantry.kernel.testing.TwoTenants.MEMBER_B;
import static io.tenantry.kernel.testing.TwoTenants.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One pooled connection serves 10 000 interleaved operations of tenants A and B from 8 concurrent virtual threads;
 * every answer holds only the caller's rows. Run with both layers, with RLS alone and with the SQL filter alone.
 */
class InterleavedTenantsTest {

    private static final int OPERATIONS = 10_000;

    @ParameterizedTest
    @EnumSource(PostgresFixture.Mode.class)
    void aPoolOfOneServesInterleavedTenantsWithoutLeaking(PostgresFixture.Mode mode) throws Exception {
        PostgresFixture fixture = PostgresFixture.dedicated(mode, 1);
        try {
            fixture.reset();
            Order ofA = Orders.sample("only A");
            Order ofB = Orders.sample("only B");
            as(MEMBER_A, () -> fixture.orders().add(ofA));
            as(MEMBER_B, () -> fixture.orders().add(ofB));
            List<Future<String>> results = new ArrayList<>(OPERATIONS);
            try (ExecutorService clients = Executors.newFixedThreadPool(8, Thread.ofVirtual().factory())) {
                for (int i = 0; i < OPERATIONS; i++) {
                    boolean tenantA = ThreadLocalRandom.current().nextBoolean();
                    TenantIdentity who = tenantA ? MEMBER_A : MEMBER_B;
                    Order own = tenantA ? ofA : ofB;
                    Order foreign = tenantA ? ofB : ofA;
                    int kind = i % 4;
                    results.add(clients.submit(() -> TenantContext.call(who, () -> switch (kind) {
                        case 0 -> fixture.orders().find(own.id()).map(Order::customer).orElse("missing") + "|" + own.customer();
                        case 1 -> fixture.orders().find(foreign.id()).map(Order::customer).orElse("none") + "|none";
                        case 2 -> fixture.orders().count() + "|1";
                        default -> fixture.orders().page(OrderQuery.first(10)).items().stream().map(Order::customer)
                                .toList() + "|" + List.of(own.customer());
                    })));
                }
                for (Future<String> result : results) {
                    String[] seenAndExpected = result.get().split("\\|");
                    assertEquals(seenAndExpected[1], seenAndExpected[0], "mode " + mode);
                }
            }
            assertTrue(results.size() == OPERATIONS);
        } finally {
            fixture.close();
        }
    }
}
