package io.tenantry.bootstrap.bench;

import io.tenantry.adapters.persistence.jdbi.DatabaseWorkLimits;
import io.tenantry.adapters.persistence.postgres.PostgresSettings;
import io.tenantry.adapters.persistence.postgres.TestDatabase;
import io.tenantry.adapters.web.WebSettings;
import io.tenantry.adapters.web.auth.DevelopmentTokens;
import io.tenantry.adapters.web.auth.JwtSettings;
import io.tenantry.application.admin.AdminService;
import io.tenantry.application.admin.AdminUseCases.ProvisionTenantCommand;
import io.tenantry.application.order.OrderService;
import io.tenantry.application.order.PlaceOrderCommand;
import io.tenantry.bootstrap.DemoData;
import io.tenantry.bootstrap.Tenantry;
import io.tenantry.bootstrap.TenantryConfig;
import io.tenantry.domain.order.OrderLine;
import io.tenantry.kernel.context.TenantContext;
import io.tenantry.kernel.context.TenantId;
import io.tenantry.kernel.context.TenantIdentity;
import io.tenantry.kernel.context.Tier;
import io.tenantry.kernel.limits.Budget;
import io.tenantry.kernel.limits.TierLimits;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Tenant B's latency while tenant A floods the same instance with heavy reads (pages of 100 orders, 64 connections),
 * against B alone, in one run: with the product's defaults (tier budget, per-tenant database bulkhead, statement
 * timeout), with A's request budget lifted (bulkhead and timeouts only), and with the bulkhead off as well. A is
 * pro (1 000 requests a minute, 4 database slots), B enterprise with its budget lifted so that only A's load moves
 * B's figures; B sends a fixed 200 requests a second (hey), so queueing shows in its percentiles; the pool has
 * 10 connections. Run via bench/noisy-neighbour.sh.
 */
public final class NoisyNeighbourBenchmark {

    private static final String SECRET = "benchmark-secret-of-at-least-32-bytes!!";
    /** Tenant B: 4 clients of 50 requests a second each, 200 a second in all, at a fixed rate. */
    private static final int B_WORKERS = 4;
    private static final int B_RATE_PER_WORKER = 50;

    private record Setup(String name, TierLimits budgets, DatabaseWorkLimits work) {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        JwtSettings jwt = JwtSettings.hs256(SECRET, "tenantry", "tenantry-api");
        DevelopmentTokens tokens = new DevelopmentTokens(jwt, Clock.systemUTC());
        // B is measured, so its own budget never binds; A's pro budget is the product's default unless lifted
        TierLimits defaults = TierLimits.defaults().with(Tier.ENTERPRISE, Budget.perMinute(100_000_000));
        TierLimits lifted = defaults.with(Tier.PRO, Budget.perMinute(100_000_000));
        DatabaseWorkLimits noBulkhead = DatabaseWorkLimits.defaults().with(Tier.PRO, 1_000, Duration.ofSeconds(5));
        List<Setup> setups = List.of(
                new Setup("defaults: budget + bulkhead + statement timeout", defaults, DatabaseWorkLimits.defaults()),
                new Setup("A's budget lifted: bulkhead + statement timeout", lifted, DatabaseWorkLimits.defaults()),
                new Setup("A's budget lifted, no bulkhead", lifted, noBulkhead));
        TenantIdentity a = DemoData.member(TenantId.of("flooding"), Tier.PRO, "a");
        TenantIdentity b = DemoData.member(TenantId.of("quiet"), Tier.ENTERPRISE, "b");
        String tokenA = tokens.mint(a, Duration.ofHours(1));
        String tokenB = tokens.mint(b, Duration.ofHours(1));
        System.out.printf("%nTenant B: GET /api/orders/{id}, hey -c%d -q%d -z%ds (200 req/s); tenant A: GET /api/orders?limit=100,"
                + " wrk -t1 -c64%n", B_WORKERS, B_RATE_PER_WORKER, seconds);
        System.out.printf("%-58s %9s %9s %9s %7s %10s %10s%n", "setup", "B p50 ms", "B p99 ms", "B 2xx", "p99 x",
                "A req/s", "A non-2xx");
        try (TestDatabase database = TestDatabase.create(10)) {
            boolean seeded = false;
            String orderOfB = null;
            for (Setup setup : setups) {
                PostgresSettings direct = database.settings();
                PostgresSettings settings = new PostgresSettings(direct.url(), direct.migrator(), direct.app(), direct.bypass(),
                        10, 2, true, PostgresSettings.DEFAULT_CHECKOUT_TIMEOUT, false, setup.work());
                TenantryConfig config = new TenantryConfig(new WebSettings("127.0.0.1", 0, WebSettings.ONE_MIB, jwt,
                        Duration.ofSeconds(5), DemoData.PLATFORM, WebSettings.TEN_MIB), Optional.of(settings), Optional.empty(),
                        false, Duration.ofSeconds(2), Optional.empty(), setup.budgets(), Files.createTempDirectory("tenantry-bench"),
                        Optional.empty(), TenantryConfig.Dedicated.none());
                try (Tenantry tenantry = Tenantry.start(config)) {
                    if (!seeded) {
                        orderOfB = seed(tenantry, a, b);
                        seeded = true;
                    }
                    String base = "http://127.0.0.1:" + tenantry.port();
                    String quiet = base + "/api/orders/" + orderOfB;
                    String heavy = base + "/api/orders?limit=100";
                    Wrk.check(quiet, tokenB);
                    Wrk.check(heavy, tokenA);
                    // warm both paths (JIT) before anything is measured
                    CompletableFuture<Wrk.Latency> warmHeavy = CompletableFuture.supplyAsync(() -> {
                        try {
                            return Wrk.latency(heavy, tokenA, 5, 8);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    Wrk.latency(quiet, tokenB, 5, 4);
                    warmHeavy.get();
                    Thread.sleep(1_000);
                    Hey.Latency alone = Hey.atRate(quiet, tokenB, seconds, B_WORKERS, B_RATE_PER_WORKER);
                    CompletableFuture<Wrk.Latency> flood = CompletableFuture.supplyAsync(() -> {
                        try {
                            return Wrk.latency(heavy, tokenA, seconds + 2, 64);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    Thread.sleep(1_000);
                    Hey.Latency beside = Hey.atRate(quiet, tokenB, seconds, B_WORKERS, B_RATE_PER_WORKER);
                    Wrk.Latency flooding = flood.get();
                    if (alone.notOk() + beside.notOk() > 0) {
                        throw new IllegalStateException("tenant B saw non-2xx answers: " + alone + " " + beside);
                    }
                    System.out.printf("%-58s %9.2f %9.2f %9d %7s %10.0f %10d%n", "B alone (" + setup.name().split(":")[0] + ")",
                            alone.p50Millis(), alone.p99Millis(), alone.ok(), "1.00x", 0.0, 0);
                    System.out.printf("%-58s %9.2f %9.2f %9d %6.2fx %10.0f %10d%n", "B beside A, " + setup.name(),
                            beside.p50Millis(), beside.p99Millis(), beside.ok(),
                            beside.p99Millis() / alone.p99Millis(), flooding.requestsPerSecond(), flooding.non2xx());
                }
            }
        }
    }

    /** Both tenants with 1 000 orders of two lines; returns one of B's order ids. */
    private static String seed(Tenantry tenantry, TenantIdentity a, TenantIdentity b) {
        TenantContext.run(DemoData.OPERATOR, () -> {
            AdminService admin = tenantry.bean(AdminService.class);
            admin.provision(new ProvisionTenantCommand(DemoData.PLATFORM, "Platform", Tier.ENTERPRISE));
            admin.provision(new ProvisionTenantCommand(a.tenant(), "Flooding", Tier.PRO));
            admin.provision(new ProvisionTenantCommand(b.tenant(), "Quiet", Tier.ENTERPRISE));
        });
        String[] last = new String[1];
        for (TenantIdentity tenant : List.of(a, b)) {
            TenantContext.run(tenant, () -> {
                for (int i = 0; i < 1_000; i++) {
                    last[0] = tenantry.bean(OrderService.class).place(new PlaceOrderCommand("customer " + i,
                            List.of(new OrderLine("SKU-1", 2, 1_250), new OrderLine("SKU-2", 1, 99)))).id().toString();
                }
            });
        }
        return last[0];
    }

    private NoisyNeighbourBenchmark() {
    }
}
