package io.tenantry.bootstrap.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.javalin.Javalin;
import io.tenantry.adapters.persistence.postgres.TestDatabase;
import io.tenantry.adapters.web.WebSettings;
import io.tenantry.adapters.web.auth.DevelopmentTokens;
import io.tenantry.adapters.web.auth.JwtSettings;
import io.tenantry.adapters.web.auth.TokenVerifier;
import io.tenantry.adapters.web.http.JsonCodec;
import io.tenantry.adapters.web.json.OrderJson;
import io.tenantry.application.admin.AdminService;
import io.tenantry.application.admin.AdminUseCases.ProvisionTenantCommand;
import io.tenantry.application.order.OrderService;
import io.tenantry.application.order.PlaceOrderCommand;
import io.tenantry.bootstrap.DemoData;
import io.tenantry.bootstrap.Tenantry;
import io.tenantry.bootstrap.TenantryConfig;
import io.tenantry.domain.order.Order;
import io.tenantry.domain.order.OrderLine;
import io.tenantry.kernel.context.TenantContext;
import io.tenantry.kernel.context.TenantId;
import io.tenantry.kernel.context.TenantIdentity;
import io.tenantry.kernel.context.Tier;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code GET /api/orders/{id}} through the product (JWT verification, tenant check, scoped context, tenant-bound
 * repository with RLS) side by side with a baseline handler written here: the same order read and serialised by the
 * same JSON code, without JWT verification and tenant isolation (explicit WHERE on a role RLS does not apply to).
 * Both run in this JVM on the same database; wrk drives them in alternating rounds. Run via bench/api-read.sh.
 */
public final class ApiReadBenchmark {

    private static final String SECRET = "benchmark-secret-of-at-least-32-bytes!!";
    private static final String SELECT = """
            SELECT o.id, o.customer, o.status, o.created_at, o.updated_at, l.skus, l.quantities, l.prices
            FROM orders o CROSS JOIN LATERAL (
              SELECT array_agg(x.sku ORDER BY x.line_no) AS skus, array_agg(x.quantity ORDER BY x.line_no) AS quantities,
                     array_agg(x.unit_price_cents ORDER BY x.line_no) AS prices
              FROM order_lines x WHERE x.tenant_id = o.tenant_id AND x.order_id = o.id) l
            WHERE o.tenant_id = ? AND o.id = ?""";

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int connections = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        JwtSettings jwt = JwtSettings.hs256(SECRET, "tenantry", "tenantry-api");
        try (TestDatabase database = TestDatabase.create(10)) {
            TenantryConfig config = new TenantryConfig(new WebSettings("127.0.0.1", 0, WebSettings.ONE_MIB, jwt,
                    Duration.ofSeconds(5), DemoData.PLATFORM,
                WebSettings.TEN_MIB), Optional.of(database.settings()), Optional.empty(), false, Duration.ofSeconds(2),
                    Optional.empty(), io.tenantry.kernel.limits.TierLimits.defaults().with(Tier.ENTERPRISE,
                            io.tenantry.kernel.limits.Budget.perMinute(100_000_000)),
                    java.nio.file.Files.createTempDirectory("tenantry-bench"), Optional.empty(), TenantryConfig.Dedicated.none(),
                    io.tenantry.application.file.UploadBounds.defaults(), io.tenantry.application.file.TierQuotas.defaults());
            try (Tenantry tenantry = Tenantry.start(config)) {
                TenantId tenant = TenantId.of("bench");
                TenantContext.run(DemoData.OPERATOR, () -> {
                    tenantry.bean(AdminService.class).provision(new ProvisionTenantCommand(DemoData.PLATFORM, "Platform", Tier.ENTERPRISE));
                    tenantry.bean(AdminService.class).provision(new ProvisionTenantCommand(tenant, "Bench", Tier.ENTERPRISE));
                });
                TenantIdentity member = DemoData.member(tenant, Tier.ENTERPRISE, "bench");
                List<Order> orders = new ArrayList<>();
                TenantContext.run(member, () -> {
                    for (int i = 0; i < 1_000; i++) {
                        orders.add(tenantry.bean(OrderService.class).place(new PlaceOrderCommand("customer " + i,
                                List.of(new OrderLine("SKU-1", 2, 1_250), new OrderLine("SKU-2", 1, 99)))));
                    }
                });
                String token = new DevelopmentTokens(jwt, Clock.systemUTC()).mint(member, Duration.ofHours(1));
                UUID id = orders.get(500).id().value();
                try (HikariDataSource plain = plainPool(database)) {
                    Javalin baseline = baseline(plain);
                    String product = "http://127.0.0.1:" + tenantry.port() + "/api/orders/" + id;
                    String base = "http://127.0.0.1:" + baseline.port() + "/orders/" + id;
                    Wrk.check(product, token);
                    Wrk.check(base, null);
                    double productRate = 0;
                    double baseRate = 0;
                    for (int round = 0; round < rounds; round++) {
                        baseRate = Math.max(baseRate, Wrk.run(base, null, seconds, connections));
                        productRate = Math.max(productRate, Wrk.run(product, token, seconds, connections));
                    }
                    double verifyMicros = verifyCost(new TokenVerifier(jwt), token);
                    System.out.printf("%nGET one order by id, wrk -t2 -c%d -d%ds, best of %d alternating rounds:%n",
                            connections, seconds, rounds);
                    System.out.printf("%-62s %10s %8s%n", "path", "req/s", "ratio");
                    System.out.printf("%-62s %10.0f %8s%n", "baseline: no JWT, no tenant isolation, explicit WHERE", baseRate, "1.00x");
                    System.out.printf("%-62s %10.0f %7.2fx%n", "Tenantry: JWT + tenant check + scoped context + filter + RLS",
                            productRate, productRate / baseRate);
                    System.out.printf("%nJWT verification (HS256, java-jwt), one thread: %.1f us per token%n", verifyMicros);
                    baseline.stop();
                }
            }
        }
    }

    private static HikariDataSource plainPool(TestDatabase database) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(database.settings().url());
        pool.setUsername(database.settings().migrator().user());
        pool.setPassword(database.settings().migrator().password());
        pool.setMaximumPoolSize(10);
        return pool;
    }

    /** The baseline: same read, same JSON, nothing between the request and the database. */
    private static Javalin baseline(HikariDataSource pool) {
        JsonCodec json = new JsonCodec();
        Javalin app = Javalin.create(config -> {
            config.concurrency.useVirtualThreads = true;
            config.startup.showJavalinBanner = false;
            config.jetty.host = "127.0.0.1";
            config.jetty.port = 0;
            config.routes.get("/orders/{id}", ctx -> ctx.contentType("application/json")
                    .result(json.write(OrderJson.from(read(pool, UUID.fromString(ctx.pathParam("id")))))));
        });
        return app.start();
    }

    private static Order read(HikariDataSource pool, UUID id) throws SQLException {
        try (Connection connection = pool.getConnection(); PreparedStatement statement = connection.prepareStatement(SELECT)) {
            statement.setString(1, "bench");
            statement.setObject(2, id);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                String[] skus = (String[]) row.getArray("skus").getArray();
                Integer[] quantities = (Integer[]) row.getArray("quantities").getArray();
                Long[] prices = (Long[]) row.getArray("prices").getArray();
                List<OrderLine> lines = new ArrayList<>();
                for (int i = 0; i < skus.length; i++) {
                    lines.add(new OrderLine(skus[i], quantities[i], prices[i]));
                }
                return new Order(new io.tenantry.domain.order.OrderId(id), row.getString("customer"),
                        io.tenantry.domain.order.OrderStatus.fromWireName(row.getString("status")).orElseThrow(), lines,
                        row.getObject("created_at", java.time.OffsetDateTime.class).toInstant(),
                        row.getObject("updated_at", java.time.OffsetDateTime.class).toInstant());
            }
        }
    }

    private static double verifyCost(TokenVerifier verifier, String token) {
        String header = "Bearer " + token;
        for (int i = 0; i < 50_000; i++) {
            verifier.verify(header);
        }
        int runs = 200_000;
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            verifier.verify(header);
        }
        return (System.nanoTime() - start) / 1_000.0 / runs;
    }

    private ApiReadBenchmark() {
    }

}
