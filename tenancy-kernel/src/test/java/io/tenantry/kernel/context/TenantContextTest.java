package io.tenantry.kernel.context;

import io.tenantry.kernel.testing.TwoTenants;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import static io.tenantry.kernel.testing.TwoTenants.MEMBER_A;
import static io.tenantry.kernel.testing.TwoTenants.MEMBER_B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TenantContextTest {

    private static final int TASKS = 10_000;

    @Test
    void outsideAnyRunThereIsNoTenant() {
        assertEquals(Optional.empty(), TenantContext.current());
        MissingTenantContext error = assertThrows(MissingTenantContext.class, TenantContext::require);
        assertTrue(error.getMessage().contains("TenantContext.run"), error.getMessage());
    }

    @Test
    void runBindsTheIdentityOnlyForItsDuration() {
        AtomicReference<TenantIdentity> seen = new AtomicReference<>();
        TenantContext.run(MEMBER_A, () -> seen.set(TenantContext.require()));
        assertSame(MEMBER_A, seen.get());
        assertTrue(TenantContext.current().isEmpty());
    }

    @Test
    void nestedRunRestoresTheOuterIdentity() {
        List<TenantId> seen = new ArrayList<>();
        TenantContext.run(MEMBER_A, () -> {
            seen.add(TenantContext.requireTenant());
            TenantContext.run(MEMBER_B, () -> seen.add(TenantContext.requireTenant()));
            seen.add(TenantContext.requireTenant());
        });
        assertEquals(List.of(TwoTenants.A, TwoTenants.B, TwoTenants.A), seen);
    }

    @Test
    void aThrowingRunLeavesNoContextBehind() {
        assertThrows(IllegalStateException.class, () -> TenantContext.run(MEMBER_A, () -> {
            throw new IllegalStateException("boom");
        }));
        assertTrue(TenantContext.current().isEmpty());
    }

    @Test
    void callReturnsTheResultAndLetsCheckedExceptionsThrough() {
        assertEquals(TwoTenants.A, TenantContext.call(MEMBER_A, TenantContext::requireTenant));
        assertThrows(IOException.class, () -> TenantContext.call(MEMBER_A, () -> {
            throw new IOException("disk");
        }));
    }

    @Test
    void noContextBleedsAcrossTenThousandTasksOnATwoThreadPool() throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            assertEveryTaskSeesOnlyItsOwnTenant(pool);
        }
    }

    @Test
    void noContextBleedsAcrossTenThousandVirtualThreads() throws Exception {
        try (ExecutorService virtual = Executors.newVirtualThreadPerTaskExecutor()) {
            assertEveryTaskSeesOnlyItsOwnTenant(virtual);
        }
    }

    @Test
    void workSubmittedWithoutTheWrapperSeesNoTenant() throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            Future<Optional<TenantIdentity>> unwrapped = TenantContext.call(MEMBER_A,
                    () -> pool.submit(TenantContext::current));
            assertEquals(Optional.empty(), unwrapped.get());

            Future<Optional<TenantIdentity>> wrapped = TenantContext.call(MEMBER_A,
                    () -> pool.submit(TenantContext.wrap((Callable<Optional<TenantIdentity>>) TenantContext::current)));
            assertEquals(Optional.of(MEMBER_A), wrapped.get());
        }
    }

    @Test
    void aPropagatingExecutorCarriesTheSubmittersContext() throws Exception {
        try (ExecutorService pool = Executors.newSingleThreadExecutor()) {
            AtomicReference<Optional<TenantIdentity>> seen = new AtomicReference<>();
            var done = new java.util.concurrent.CountDownLatch(1);
            TenantContext.run(MEMBER_B, () -> TenantContext.propagating(pool).execute(() -> {
                seen.set(TenantContext.current());
                done.countDown();
            }));
            done.await();
            assertEquals(Optional.of(MEMBER_B), seen.get());
        }
    }

    @Test
    void aWrapperMadeWithoutContextRunsWithoutContextEvenInsideAnother() {
        Runnable wrapped = TenantContext.wrap(() -> assertTrue(TenantContext.current().isEmpty()));
        wrapped.run();
        TenantContext.run(MEMBER_A, () -> {
            AtomicReference<Optional<TenantIdentity>> seen = new AtomicReference<>();
            TenantContext.wrap(() -> seen.set(TenantContext.current())).run();
            assertEquals(Optional.of(MEMBER_A), seen.get());
        });
    }

    @Test
    void theBypassMarkerNeedsAnIdentityAndEndsWithItsWork() {
        BypassScope scope = new BypassScope("admin.orders.list", "support ticket 42");
        assertThrows(MissingTenantContext.class, () -> TenantContext.callInBypass(scope, () -> "x"));
        TenantContext.run(MEMBER_A, () -> {
            assertFalse(TenantContext.inBypass());
            Optional<BypassScope> inside = TenantContext.callInBypass(scope, TenantContext::bypass);
            assertEquals(Optional.of(scope), inside);
            assertFalse(TenantContext.inBypass());
        });
    }

    @Test
    void aWrappedTaskCarriesTheBypassMarkerToo() {
        BypassScope scope = new BypassScope("admin.orders.list", "support ticket 42");
        AtomicReference<Runnable> captured = new AtomicReference<>();
        AtomicReference<Optional<BypassScope>> seen = new AtomicReference<>();
        TenantContext.run(MEMBER_A, () -> TenantContext.callInBypass(scope, () -> {
            captured.set(TenantContext.wrap(() -> seen.set(TenantContext.bypass())));
            return null;
        }));
        captured.get().run();
        assertEquals(Optional.of(scope), seen.get());
    }

    private static void assertEveryTaskSeesOnlyItsOwnTenant(ExecutorService executor) throws Exception {
        List<Future<String>> results = new ArrayList<>(TASKS);
        for (int i = 0; i < TASKS; i++) {
            TenantIdentity identity = TwoTenants.identity(TenantId.of("t" + (i % 50) + "-x"), Tier.FREE, "user" + i,
                    TenantIdentity.MEMBER);
            Callable<String> task = () -> {
                Thread.yield();
                TenantIdentity seen = TenantContext.require();
                return seen.tenant().value() + "/" + seen.subject();
            };
            results.add(TenantContext.call(identity, () -> executor.submit(TenantContext.wrap(task))));
        }
        for (int i = 0; i < TASKS; i++) {
            assertEquals("t" + (i % 50) + "-x/user" + i, results.get(i).get(), "task " + i);
        }
        Future<Optional<TenantIdentity>> afterwards = executor.submit(TenantContext::current);
        assertEquals(Optional.empty(), afterwards.get(), "a pooled thread keeps no tenant after its tasks");
    }
}
