package io.tenantry.bootstrap.bench;

import io.tenantry.adapters.persistence.postgres.PostgresSettings;
import io.tenantry.adapters.persistence.postgres.TestDatabase;
import io.tenantry.adapters.persistence.redis.TestRedis;
import io.tenantry.adapters.web.auth.DevelopmentTokens;
import io.tenantry.adapters.web.auth.JwtSettings;
import io.tenantry.bootstrap.DemoData;
import io.tenantry.bootstrap.ServiceProcess;
import io.tenantry.kernel.context.TenantId;
import io.tenantry.kernel.context.Tier;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What the two isolation layers cost over HTTP: {@code GET /api/orders/{id}} for random tenants and ids through the
 * product (JWT, tenant check, scoped context, in-process or Redis limiter, tenant filter and RLS) against
 * bench/baseline/BareOrderServer.java (Javalin, Jdbi, HikariCP, the owner role with an explicit {@code WHERE
 * tenant_id}, no authentication), each in a process of its own with the same JVM flags, on the same database and
 * rows. Before anything is timed every server must answer 200 with the same body for a tenant's own orders and 404
 * for another tenant's; under load any non-2xx answer fails the run. wrk (2 threads) drives the servers in
 * alternating rounds after a warm-up of each (30 s by default: the JIT is still compiling after 10); the table shows the
 * median of the rounds. Run via bench/isolation-cost.sh.
 */
public final class IsolationCostBenchmark {

    private static final String SECRET = "isolation-bench-secret-of-at-least-32-bytes";
    private static final int POOL_SIZE = 8;

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int[] connections = Arrays.stream((args.length > 2 ? args[2] : "16,64").split(",")).mapToInt(Integer::parseInt).toArray();
        int tenants = Integer.getInteger("bench.tenants", 100);
        int ordersPerTenant = Integer.getInteger("bench.orders", 1_000);
        boolean withRedis = !"false".equals(System.getProperty("bench.redis"));
        Path jar = Path.of(System.getProperty("bench.jar", "bootstrap/target/tenantry.jar"));
        List<String> jvmFlags = List.of(System.getProperty("bench.jvm", "").split(" ")).stream().filter(f -> !f.isBlank()).toList();
        Path work = Files.createTempDirectory("tenantry-isolation-bench");
        JwtSettings jwt = JwtSettings.hs256(SECRET, "tenantry", "tenantry-api");
        try (TestDatabase database = TestDatabase.migrated(POOL_SIZE)) {
            List<String> tenantIds = seed(database, tenants, ordersPerTenant);
            Map<String, List<String>> orders = orderIds(database);
            writeLoad(work, jwt, tenantIds, orders);
            PostgresSettings db = database.settings();
            Map<String, String> product = ServiceProcess.serving(db, SECRET);
            product.put("TENANTRY_DB_POOL_SIZE", String.valueOf(POOL_SIZE));
            product.put("TENANTRY_LIMIT_ENTERPRISE", "1000000000");
            product.put("TENANTRY_STORAGE_DIR", work.resolve("storage").toString());
            String jfr = System.getProperty("bench.jfr", "");
            List<String> baselineCommand = new ArrayList<>(List.of(java()));
            baselineCommand.addAll(jvmFlags);
            baselineCommand.addAll(List.of("-cp", System.getProperty("java.class.path"), "bench/baseline/BareOrderServer.java",
                    db.url(), db.migrator().user(), db.migrator().password(), String.valueOf(POOL_SIZE)));

            Map<String, ServiceProcess> servers = new LinkedHashMap<>();
            try {
                servers.put("baseline", ServiceProcess.start("baseline", baselineCommand, Map.of(), "listening on ", "/api/orders/"
                        + orders.get(tenantIds.getFirst()).getFirst(), Map.of("X-Tenant", tenantIds.getFirst())));
                servers.put("in-process", ServiceProcess.start("Tenantry", product(jvmFlags, jfr, "in-process", jar), product, ServiceProcess.SERVING, "/health", Map.of()));
                if (withRedis) {
                    Map<String, String> redis = new LinkedHashMap<>(product);
                    redis.put("TENANTRY_REDIS_URL", TestRedis.url());
                    servers.put("redis", ServiceProcess.start("Tenantry+Redis", product(jvmFlags, jfr, "redis", jar), redis, ServiceProcess.SERVING, "/health", Map.of()));
                }
                Answers answers = new Answers(jwt, tenantIds, orders);
                for (ServiceProcess server : servers.values()) {
                    answers.check(server, servers.get("baseline"));
                }
                run(work, servers, seconds, rounds, connections);
            } finally {
                servers.values().forEach(ServiceProcess::close);
            }
        }
    }

    private static void run(Path work, Map<String, ServiceProcess> servers, int seconds, int rounds, int[] connections) throws Exception {
        Path script = Path.of("bench/random-order.lua").toAbsolutePath();
        Map<String, String> env = Map.of("BENCH_TOKENS", work.resolve("tokens.txt").toString(),
                "BENCH_IDS", work.resolve("ids.txt").toString());
        int warmUp = Integer.getInteger("bench.warmup", 30);
        for (ServiceProcess server : servers.values()) {
            Wrk.script(server.url(), script, env, warmUp, 64);
        }
        Map<Integer, Map<String, double[]>> rates = new LinkedHashMap<>();
        Map<String, long[]> cpu = new LinkedHashMap<>();
        Map<String, double[]> p50s = new LinkedHashMap<>();
        servers.keySet().forEach(name -> cpu.put(name, new long[2]));
        for (int c : connections) {
            Map<String, double[]> byServer = new LinkedHashMap<>();
            servers.keySet().forEach(name -> byServer.put(name, new double[rounds]));
            for (int round = 0; round < rounds; round++) {
                for (Map.Entry<String, ServiceProcess> server : servers.entrySet()) {
                    long before = server.getValue().cpuMillis();
                    Wrk.Latency measured = Wrk.script(server.getValue().url(), script, env, seconds, c);
                    double rate = measured.requestsPerSecond();
                    byServer.get(server.getKey())[round] = rate;
                    p50s.computeIfAbsent(c + " " + server.getKey(), k -> new double[rounds])[round] = measured.p50Millis();
                    cpu.get(server.getKey())[0] += server.getValue().cpuMillis() - before;
                    cpu.get(server.getKey())[1] += Math.round(rate * seconds);
                }
            }
            rates.put(c, byServer);
        }
        System.out.printf("%nGET /api/orders/{id}, random tenant and order, wrk -t2 -d%ds, median of %d alternating rounds"
                + " (%d tenants x %d orders)%n", seconds, rounds, Integer.getInteger("bench.tenants", 100),
                Integer.getInteger("bench.orders", 1_000));
        System.out.printf("%-12s %14s", "connections", "baseline req/s");
        servers.keySet().stream().skip(1).forEach(name -> System.out.printf(" %16s %7s", "Tenantry " + name, "ratio"));
        System.out.println();
        for (Map.Entry<Integer, Map<String, double[]>> row : rates.entrySet()) {
            double base = median(row.getValue().get("baseline"));
            System.out.printf("%-12d %14.0f", row.getKey(), base);
            row.getValue().entrySet().stream().skip(1).forEach(cell -> {
                double rate = median(cell.getValue());
                System.out.printf(" %16.0f %6.2fx", rate, rate / base);
            });
            System.out.println();
        }
        System.out.println();
        for (Map.Entry<Integer, Map<String, double[]>> row : rates.entrySet()) {
            for (Map.Entry<String, double[]> cell : row.getValue().entrySet()) {
                System.out.printf("c%-4d %-12s rounds %s, median p50 %.2f ms%n", row.getKey(), cell.getKey(), Arrays.toString(
                        Arrays.stream(cell.getValue()).mapToLong(Math::round).toArray()),
                        median(p50s.get(row.getKey() + " " + cell.getKey())));
            }
        }
        System.out.println();
        for (Map.Entry<String, long[]> used : cpu.entrySet()) {
            System.out.printf("%-12s %6.1f us of the server's CPU per request (all timed rounds)%n", used.getKey(),
                    used.getValue()[0] * 1_000.0 / used.getValue()[1]);
        }
        ServiceProcess shared = servers.get("redis");
        if (shared != null) {
            String metrics = shared.get("/metrics", "-", "-").body();
            System.out.printf("%-12s %.4f Redis round trips per rate-limit decision (its /metrics, whole run)%n", "redis",
                    metric(metrics, "tenantry_rate_limit_redis_round_trips_total")
                            / metric(metrics, "tenantry_rate_limit_shared_decisions_total"));
        }
        for (Map.Entry<String, ServiceProcess> server : servers.entrySet()) {
            System.out.printf("%-12s first 200 after %5d ms, RSS after the load %4d MiB, heap after a full GC %s%n",
                    server.getKey(), server.getValue().startupMillis(), server.getValue().rssMiB(), server.getValue().heapAfterGc());
        }
    }

    private static double metric(String exposition, String name) {
        return exposition.lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{")).findFirst()
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .orElseThrow(() -> new IllegalStateException("no " + name + " in /metrics"));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    /** Enterprise tenants {@code bench-0001...}, each with orders of two lines, inserted in bulk as the owner. */
    private static List<String> seed(TestDatabase database, int tenants, int ordersPerTenant) {
        database.execute(
                "INSERT INTO tenants (id, name, tier, status) SELECT 'bench-' || lpad(t::text, 4, '0'), 'Bench ' || t,"
                        + " 'enterprise', 'active' FROM generate_series(1, " + tenants + ") t",
                "INSERT INTO orders (tenant_id, id, customer, status, total_cents, created_at, updated_at)"
                        + " SELECT 'bench-' || lpad(t::text, 4, '0'), gen_random_uuid(), 'customer ' || i, 'open', 2599,"
                        + " now() - i * interval '1 second', now() - i * interval '1 second'"
                        + " FROM generate_series(1, " + tenants + ") t, generate_series(1, " + ordersPerTenant + ") i",
                "INSERT INTO order_lines (tenant_id, order_id, line_no, sku, quantity, unit_price_cents)"
                        + " SELECT tenant_id, id, 1, 'SKU-1', 2, 1250 FROM orders"
                        + " UNION ALL SELECT tenant_id, id, 2, 'SKU-2', 1, 99 FROM orders",
                "VACUUM ANALYZE orders", "VACUUM ANALYZE order_lines", "VACUUM ANALYZE tenants");
        List<String> ids = new ArrayList<>();
        for (int t = 1; t <= tenants; t++) {
            ids.add("bench-%04d".formatted(t));
        }
        return ids;
    }

    private static Map<String, List<String>> orderIds(TestDatabase database) throws SQLException {
        Map<String, List<String>> orders = new LinkedHashMap<>();
        try (Connection connection = database.asOwner(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT tenant_id, id FROM orders ORDER BY tenant_id, id")) {
            while (rows.next()) {
                orders.computeIfAbsent(rows.getString(1), tenant -> new ArrayList<>()).add(rows.getString(2));
            }
        }
        return orders;
    }

    /** The files bench/random-order.lua reads: each tenant's token, and each order id with its tenant's index. */
    private static void writeLoad(Path work, JwtSettings jwt, List<String> tenants, Map<String, List<String>> orders)
            throws IOException {
        DevelopmentTokens tokens = new DevelopmentTokens(jwt, Clock.systemUTC());
        List<String> tokenLines = new ArrayList<>();
        List<String> idLines = new ArrayList<>();
        for (int i = 0; i < tenants.size(); i++) {
            String tenant = tenants.get(i);
            tokenLines.add(tenant + " " + tokens.mint(DemoData.member(TenantId.of(tenant), Tier.ENTERPRISE, "bench"),
                    Duration.ofHours(12)));
            int index = i + 1;
            orders.get(tenant).forEach(id -> idLines.add(index + " " + id));
        }
        Files.write(work.resolve("tokens.txt"), tokenLines);
        Files.write(work.resolve("ids.txt"), idLines);
    }

    /** The correctness gate: own orders are 200 with the baseline's body, another tenant's are 404. */
    private record Answers(JwtSettings jwt, List<String> tenants, Map<String, List<String>> orders) {

        void check(ServiceProcess server, ServiceProcess baseline) throws Exception {
            DevelopmentTokens tokens = new DevelopmentTokens(jwt, Clock.systemUTC());
            Random random = new Random(7);
            for (int i = 0; i < 200; i++) {
                String tenant = tenants.get(random.nextInt(tenants.size()));
                String other = tenants.get(random.nextInt(tenants.size()));
                List<String> own = orders.get(tenant);
                String id = own.get(random.nextInt(own.size()));
                String token = tokens.mint(DemoData.member(TenantId.of(tenant), Tier.ENTERPRISE, "bench"), Duration.ofMinutes(5));
                ServiceProcess.Answer mine = server.get("/api/orders/" + id, tenant, token);
                ServiceProcess.Answer expected = baseline.get("/api/orders/" + id, tenant, token);
                if (mine.status() != 200 || !mine.body().equals(expected.body())) {
                    throw new IllegalStateException(server.name() + " answered " + mine + " for " + tenant + "'s order "
                            + id + "; the baseline " + expected);
                }
                if (!other.equals(tenant)) {
                    String foreign = orders.get(other).get(random.nextInt(orders.get(other).size()));
                    ServiceProcess.Answer leak = server.get("/api/orders/" + foreign, tenant, token);
                    if (leak.status() != 404) {
                        throw new IllegalStateException(server.name() + " answered " + leak.status() + " to " + tenant
                                + " for " + other + "'s order " + foreign);
                    }
                }
            }
        }
    }

    /** The product's command line; with {@code jfr} set, recording a profile to {@code <jfr>-<variant>.jfr}. */
    private static List<String> product(List<String> jvmFlags, String jfr, String variant, Path jar) {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(jvmFlags);
        if (!jfr.isBlank()) {
            command.add("-XX:StartFlightRecording=filename=" + jfr + "-" + variant + ".jfr,settings=profile");
        }
        command.addAll(List.of("-jar", jar.toString(), "serve"));
        return command;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private IsolationCostBenchmark() {
    }
}
