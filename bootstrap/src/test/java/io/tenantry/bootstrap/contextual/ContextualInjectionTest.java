package io.tenantry.bootstrap.contextual;

import io.tenantry.kernel.context.MissingTenantContext;
import io.tenantry.kernel.context.TenantContext;
import io.tenantry.kernel.context.TenantId;
import io.tenantry.kernel.context.TenantIdentity;
import io.tenantry.kernel.context.Tier;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One injection point, a provider per tenant or tier, resolved by the container on every call; per-tenant
 * instances created once per tenant and disposed of when evicted; and a bad declaration refused at startup.
 */
class ContextualInjectionTest {

    /** The port business code injects. */
    public interface Greeter {
        String greet();
    }

    /** Every tenant without a more specific candidate. */
    @TenantDefault
    @Dependent
    public static class PlainGreeter implements Greeter {
        @Override
        public String greet() {
            return "plain";
        }
    }

    /** Pro tenants: one instance each, which remembers whose it is. */
    @ForTier(Tier.PRO)
    @PerTenant
    public static class ProGreeter implements Greeter {
        static final Map<TenantId, AtomicInteger> CREATED = new ConcurrentHashMap<>();
        static final List<TenantId> DESTROYED = new CopyOnWriteArrayList<>();
        private TenantId owner;

        @PostConstruct
        void created() {
            owner = TenantContext.requireTenant();
            CREATED.computeIfAbsent(owner, any -> new AtomicInteger()).incrementAndGet();
        }

        @Override
        public String greet() {
            return "pro:" + owner.value();
        }

        @PreDestroy
        void destroyed() {
            DESTROYED.add(owner);
        }
    }

    /** One named tenant, whatever its tier. */
    @ForTenant("acme")
    @Dependent
    public static class AcmeGreeter implements Greeter {
        @Override
        public String greet() {
            return "acme";
        }
    }

    /** A process-wide service that injects the port once. */
    @ApplicationScoped
    public static class GreetingService {
        @Inject
        Greeter greeter;

        String greet() {
            return greeter.greet();
        }
    }

    @Test
    void oneApplicationScopedServiceReachesEveryTenantsProviderAcross1000InterleavedCalls() throws Exception {
        try (WeldContainer container = boot(new ContextualInjection(), PlainGreeter.class, ProGreeter.class,
                AcmeGreeter.class, GreetingService.class)) {
            GreetingService service = container.select(GreetingService.class).get();
            List<TenantIdentity> identities = List.of(member("acme", Tier.FREE), member("acme", Tier.PRO),
                    member("free-1", Tier.FREE), member("pro-1", Tier.PRO), member("pro-2", Tier.PRO),
                    member("ent-1", Tier.ENTERPRISE));
            List<String> expected = List.of("acme", "acme", "plain", "pro:pro-1", "pro:pro-2", "plain");
            List<String> wrong = new CopyOnWriteArrayList<>();
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                int which = i % identities.size();
                threads.add(Thread.ofVirtual().start(() -> {
                    awaitQuietly(start);
                    String answer = TenantContext.call(identities.get(which), service::greet);
                    if (!answer.equals(expected.get(which))) {
                        wrong.add(identities.get(which) + " got " + answer);
                    }
                }));
            }
            start.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
            assertEquals(List.of(), wrong);
            assertEquals("pro:pro-1", TenantContext.call(member("pro-1", Tier.PRO), service::greet),
                    "positive control: the same service, asked again");
        }
    }

    @Test
    void aPerTenantInstanceIsCreatedOncePerTenantUnderConcurrency() throws Exception {
        ProGreeter.CREATED.clear();
        try (WeldContainer container = boot(new ContextualInjection(), PlainGreeter.class, ProGreeter.class,
                GreetingService.class)) {
            GreetingService service = container.select(GreetingService.class).get();
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                TenantIdentity identity = member("once-" + (i % 5), Tier.PRO);
                threads.add(Thread.ofVirtual().start(() -> {
                    awaitQuietly(start);
                    TenantContext.call(identity, service::greet);
                }));
            }
            start.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
            assertEquals(5, ProGreeter.CREATED.size());
            ProGreeter.CREATED.forEach((tenant, count) -> assertEquals(1, count.get(), tenant.value()));
        }
    }

    @Test
    void theLeastRecentTenantsInstancesAreDisposedOfWhenTheBoundIsReached() {
        ProGreeter.DESTROYED.clear();
        ContextualInjection extension = new ContextualInjection(2);
        try (WeldContainer container = boot(extension, PlainGreeter.class, ProGreeter.class, GreetingService.class)) {
            GreetingService service = container.select(GreetingService.class).get();
            for (String tenant : List.of("lru-1", "lru-2", "lru-1", "lru-3")) {
                assertEquals("pro:" + tenant, TenantContext.call(member(tenant, Tier.PRO), service::greet));
            }
            assertEquals(List.of(TenantId.of("lru-2")), ProGreeter.DESTROYED, "lru-2 was the least recently used");
            assertEquals("pro:lru-2", TenantContext.call(member("lru-2", Tier.PRO), service::greet),
                    "an evicted tenant gets a new instance of its own");
        }
        assertTrue(ProGreeter.DESTROYED.containsAll(List.of(TenantId.of("lru-1"), TenantId.of("lru-3"))),
                "stopping the container disposes of the rest: " + ProGreeter.DESTROYED);
    }

    @Test
    void withNoTenantInContextACallIsRefusedNotDefaulted() {
        try (WeldContainer container = boot(new ContextualInjection(), PlainGreeter.class, ProGreeter.class,
                GreetingService.class)) {
            GreetingService service = container.select(GreetingService.class).get();
            assertThrows(MissingTenantContext.class, service::greet);
            assertEquals("plain", TenantContext.call(member("free-2", Tier.FREE), service::greet), "positive control");
        }
    }

    // --- bad declarations -----------------------------------------------------------------------------------------

    /** A port of its own for each bad declaration, so one cannot hide another. */
    public interface Mailer {
        String send();
    }

    @ForTier(Tier.FREE)
    @ApplicationScoped
    public static class SharedFreeMailer implements Mailer {
        @Override
        public String send() {
            return "shared";
        }
    }

    @ForTier(Tier.PRO)
    @Dependent
    public static class ProMailer implements Mailer {
        @Override
        public String send() {
            return "pro";
        }
    }

    @ForTier(Tier.PRO)
    @Dependent
    public static class OtherProMailer implements Mailer {
        @Override
        public String send() {
            return "other pro";
        }
    }

    @TenantDefault
    @Dependent
    public static class DefaultMailer implements Mailer {
        @Override
        public String send() {
            return "default";
        }
    }

    @Test
    void aTierCandidateThatIsAProcessWideSingletonIsADeploymentProblem() {
        assertRefused("is a candidate for tier free but @ApplicationScoped: one instance would serve every tenant it is "
                + "chosen for. Make it @PerTenant (one per tenant) or @Dependent (one per call)",
                SharedFreeMailer.class, DefaultMailer.class);
    }

    @Test
    void aPortWithCandidatesButNoDefaultIsADeploymentProblem() {
        assertRefused(Mailer.class.getName() + " has candidates for tier pro but no @TenantDefault; declare what every "
                + "other tenant gets, so no tenant is left to a guess", ProMailer.class);
    }

    @Test
    void twoCandidatesForTheSameKeyAreADeploymentProblem() {
        assertRefused(Mailer.class.getName() + " has 2 candidates for tier pro", ProMailer.class, OtherProMailer.class,
                DefaultMailer.class);
    }

    @Test
    void aGoodDeclarationOfTheSamePortBoots() {
        try (WeldContainer container = boot(new ContextualInjection(), ProMailer.class, DefaultMailer.class)) {
            Mailer mailer = container.select(Mailer.class).get();
            assertEquals("pro", TenantContext.call(member("pro-m", Tier.PRO), mailer::send));
            assertEquals("default", TenantContext.call(member("ent-m", Tier.ENTERPRISE), mailer::send));
        }
    }

    // --- group candidates ------------------------------------------------------------------------------------------

    /** A port whose candidate for a run-time group is chosen by membership, not by a name in code. */
    public interface Ledger {
        String book();
    }

    /** The tenants that moved to a ledger of their own; an operator's action changes it while the process runs. */
    @jakarta.inject.Singleton
    public static class OwnLedgerTenants implements io.tenantry.kernel.resolution.TenantGroup {
        static final Set<TenantId> MEMBERS = ConcurrentHashMap.newKeySet();

        @Override
        public boolean contains(TenantId tenant) {
            return MEMBERS.contains(tenant);
        }
    }

    /** Another group, to show that a port takes one. */
    @jakarta.inject.Singleton
    public static class BetaTenants implements io.tenantry.kernel.resolution.TenantGroup {
        @Override
        public boolean contains(TenantId tenant) {
            return true;
        }
    }

    /** What every tenant shares: a singleton is fine for the default, which is declared to serve every tenant. */
    @TenantDefault
    @jakarta.inject.Singleton
    public static class SharedLedger implements Ledger {
        @Override
        public String book() {
            return "shared";
        }
    }

    @ForTenantGroup(OwnLedgerTenants.class)
    @Dependent
    public static class OwnLedger implements Ledger {
        static final AtomicInteger DESTROYED = new AtomicInteger();

        @Override
        public String book() {
            return "own of " + TenantContext.requireTenant();
        }

        @PreDestroy
        void destroyed() {
            DESTROYED.incrementAndGet();
        }
    }

    @ForTenantGroup(BetaTenants.class)
    @Dependent
    public static class BetaLedger implements Ledger {
        @Override
        public String book() {
            return "beta";
        }
    }

    @ForTenant("acme")
    @Dependent
    public static class AcmeLedger implements Ledger {
        @Override
        public String book() {
            return "acme's";
        }
    }

    @Test
    void aGroupsCandidateFollowsMembershipAtRunTimeAndLivesForOneCall() {
        OwnLedgerTenants.MEMBERS.clear();
        OwnLedger.DESTROYED.set(0);
        try (WeldContainer container = boot(new ContextualInjection(), OwnLedgerTenants.class, SharedLedger.class,
                OwnLedger.class, AcmeLedger.class)) {
            Ledger ledger = container.select(Ledger.class).get();
            TenantIdentity globex = member("globex", Tier.ENTERPRISE);
            assertEquals("shared", TenantContext.call(globex, ledger::book), "not a member yet");
            OwnLedgerTenants.MEMBERS.add(TenantId.of("globex"));
            OwnLedgerTenants.MEMBERS.add(TenantId.of("acme"));
            assertEquals("own of globex", TenantContext.call(globex, ledger::book), "a member from the next call on");
            assertEquals(1, OwnLedger.DESTROYED.get(), "the one-call instance was destroyed when the call returned");
            assertEquals("acme's", TenantContext.call(member("acme", Tier.FREE), ledger::book),
                    "a tenant's own candidate beats its group's");
            assertEquals("shared", TenantContext.call(member("initech", Tier.FREE), ledger::book));
        }
    }

    @Test
    void aGroupTheContainerHoldsNoBeanOfIsADeploymentProblem() {
        assertRefused("a candidate is declared for the group " + OwnLedgerTenants.class.getName()
                + " but the container holds 0 beans of that type", SharedLedger.class, OwnLedger.class);
    }

    @Test
    void twoGroupCandidatesForOnePortAreADeploymentProblem() {
        assertRefused(Ledger.class.getName() + " has candidates for 2 groups", OwnLedgerTenants.class, BetaTenants.class,
                SharedLedger.class, OwnLedger.class, BetaLedger.class);
    }

    private static void assertRefused(String expected, Class<?>... beans) {
        RuntimeException refused = assertThrows(RuntimeException.class,
                () -> boot(new ContextualInjection(), beans).close());
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = refused; cause != null; cause = cause.getCause()) {
            messages.append(cause.getMessage()).append('\n');
        }
        assertTrue(messages.toString().contains(expected), () -> "expected '" + expected + "' in:\n" + messages);
    }

    private static WeldContainer boot(ContextualInjection extension, Class<?>... beans) {
        return new Weld("contextual-" + UUID.randomUUID()).disableDiscovery().skipShutdownHook()
                .addExtension(extension).addBeanClasses(beans).initialize();
    }

    private static TenantIdentity member(String tenant, Tier tier) {
        return new TenantIdentity(TenantId.of(tenant), tier, "user", Set.of("member"));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
