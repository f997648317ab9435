package io.tenantry.adapters.persistence.bench;

import io.tenantry.adapters.persistence.postgres.PostgresPersistence;
import io.tenantry.adapters.persistence.postgres.PostgresSettings;
import io.tenantry.adapters.persistence.postgres.TestDatabase;
import io.tenantry.application.contract.Orders;
import io.tenantry.domain.order.Order;
import io.tenantry.domain.order.OrderId;
import io.tenantry.kernel.context.TenantContext;
import io.tenantry.kernel.testing.TwoTenants;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Measures one tenant-scoped primary-key read of an order (with its lines), side by side in one run:
 * the repository's tenant-bound path (SQL filter + RLS, tenant set in the same round trip), the same SELECT with an
 * explicit WHERE on a role RLS does not apply to, the naive RLS pattern (BEGIN; set_config; SELECT; COMMIT), and
 * pgbench on the same SQL. One connection, one client; round trips counted by a relay in front of the server.
 * Run through bench/tenant-read.sh.
 */
public final class TenantReadBenchmark {

    private static final String SELECT = """
            SELECT o.tenant_id, o.id, o.customer, o.status, o.created_at, o.updated_at, l.skus, l.quantities, l.prices
            FROM orders o CROSS JOIN LATERAL (
              SELECT array_agg(x.sku ORDER BY x.line_no) AS skus, array_agg(x.quantity ORDER BY x.line_no) AS quantities,
                     array_agg(x.unit_price_cents ORDER BY x.line_no) AS prices
              FROM order_lines x WHERE x.tenant_id = o.tenant_id AND x.order_id = o.id) l
            WHERE o.tenant_id = ? AND o.id = ?""";

    private interface Read {
        void once(OrderId id) throws SQLException;
    }

    public static void main(String[] args) throws Exception {
        Duration each = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 5);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        try (TestDatabase database = TestDatabase.migrated(1)) {
            run(database, each, rounds);
        }
    }

    private static void run(TestDatabase database, Duration each, int rounds) throws Exception {
        URI server = URI.create(database.settings().url().substring("jdbc:".length()));
        database.execute("INSERT INTO tenants (id, name, tier, status) VALUES "
                + "('tenant-a', 'A', 'pro', 'active'), ('tenant-b', 'B', 'free', 'active')");
        try (RoundTripCounter relay = new RoundTripCounter(server.getHost(), server.getPort())) {
            String relayed = "jdbc:postgresql://127.0.0.1:" + relay.port() + server.getPath();
            try (ReadPaths direct = new ReadPaths(database.settings(), database.settings().url());
                 ReadPaths counted = new ReadPaths(database.settings(), relayed)) {
                List<OrderId> ids = seed(direct.persistence);
                Map<String, Double> trips = new LinkedHashMap<>();
                for (var read : counted.reads().entrySet()) {
                    long before = relay.roundTrips();
                    for (int i = 0; i < 200; i++) {
                        read.getValue().once(ids.get(i));
                    }
                    trips.put(read.getKey(), (relay.roundTrips() - before) / 200.0);
                }
                report(direct.reads(), trips, ids, each, rounds);
            }
        }
        pgbench(database, each);
    }

    /** The four read paths over connections to {@code url} (the server, or the counting relay). */
    private static final class ReadPaths implements AutoCloseable {
        final PostgresPersistence persistence;
        final Connection owner;
        final Connection ownerUnprepared;
        final Connection app;
        final Connection appUnprepared;

        ReadPaths(PostgresSettings settings, String url) throws SQLException {
            this.persistence = PostgresPersistence.start(new PostgresSettings(url, settings.migrator(), settings.app(),
                    settings.bypass(), 1, 1, false), Clock.systemUTC(), Duration.ofHours(1));
            this.owner = DriverManager.getConnection(url, settings.migrator().user(), settings.migrator().password());
            this.ownerUnprepared = DriverManager.getConnection(url + "?prepareThreshold=0", settings.migrator().user(),
                    settings.migrator().password());
            this.app = DriverManager.getConnection(url, settings.app().user(), settings.app().password());
            this.appUnprepared = DriverManager.getConnection(url + "?prepareThreshold=0", settings.app().user(),
                    settings.app().password());
        }

        Map<String, Read> reads() {
            Map<String, Read> reads = new LinkedHashMap<>();
            reads.put("explicit WHERE, plain role (baseline)", id -> explicitWhere(owner, id));
            reads.put("explicit WHERE, plain role, unnamed statements", id -> explicitWhere(ownerUnprepared, id));
            reads.put("tenant-bound repository (filter + RLS, 1 statement)",
                    id -> TenantContext.call(TwoTenants.MEMBER_A, () -> persistence.orders().find(id)).orElseThrow());
            reads.put("same 2-statement SQL, raw JDBC, unnamed statements", id -> oneMessage(appUnprepared, id));
            reads.put("naive RLS: BEGIN; set_config; SELECT; COMMIT", id -> naiveRls(app, id));
            return reads;
        }

        @Override
        public void close() throws SQLException {
            persistence.close();
            owner.close();
            ownerUnprepared.close();
            app.close();
            appUnprepared.close();
        }
    }

    private static List<OrderId> seed(PostgresPersistence persistence) {
        List<OrderId> ofA = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            Order a = Orders.sample("customer " + i);
            TenantContext.run(TwoTenants.MEMBER_A, () -> persistence.orders().add(a));
            TenantContext.run(TwoTenants.MEMBER_B, () -> persistence.orders().add(Orders.sample("customer " + a.id())));
            ofA.add(a.id());
        }
        return ofA;
    }

    private static void explicitWhere(Connection connection, OrderId id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SELECT)) {
            statement.setString(1, "tenant-a");
            statement.setObject(2, id.value());
            consume(statement.executeQuery());
        }
    }

    private static void oneMessage(Connection connection, OrderId id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT set_config('app.tenant_id', ?, true);\n" + SELECT)) {
            statement.setString(1, "tenant-a");
            statement.setString(2, "tenant-a");
            statement.setObject(3, id.value());
            statement.execute();
            statement.getMoreResults();
            consume(statement.getResultSet());
        }
    }

    private static void naiveRls(Connection connection, OrderId id) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement set = connection.prepareStatement("SELECT set_config('app.tenant_id', ?, true)");
             PreparedStatement select = connection.prepareStatement(SELECT)) {
            set.setString(1, "tenant-a");
            set.executeQuery().close();
            select.setString(1, "tenant-a");
            select.setObject(2, id.value());
            consume(select.executeQuery());
            connection.commit();
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static void consume(ResultSet rows) throws SQLException {
        try (rows) {
            if (!rows.next()) {
                throw new IllegalStateException("the order was not found");
            }
        }
    }

    private static void report(Map<String, Read> reads, Map<String, Double> trips, List<OrderId> ids, Duration each,
                               int rounds) throws SQLException {
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        for (var read : reads.entrySet()) {
            measure(read.getValue(), ids, Duration.ofSeconds(1));
        }
        for (int round = 0; round < rounds; round++) {
            for (var read : reads.entrySet()) {
                long[] done = measure(read.getValue(), ids, each);
                rates.computeIfAbsent(read.getKey(), k -> new ArrayList<>()).add(done[0] * 1e9 / done[1]);
            }
        }
        double baseline = median(rates.values().iterator().next());
        System.out.printf("%nOne connection, one client, %d rounds of %ds each, median reads/s:%n", rounds, each.toSeconds());
        System.out.printf("%-55s %10s %9s %9s %12s%n", "read path", "reads/s", "us/read", "vs base", "round trips");
        for (var entry : rates.entrySet()) {
            double rate = median(entry.getValue());
            System.out.printf("%-55s %10.0f %9.1f %8.2fx %12.2f%n", entry.getKey(), rate, 1e6 / rate, rate / baseline,
                    trips.get(entry.getKey()));
        }
    }

    private static long[] measure(Read read, List<OrderId> ids, Duration duration) throws SQLException {
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        long count = 0;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (System.nanoTime() < deadline) {
            read.once(ids.get(random.nextInt(ids.size())));
            count++;
        }
        return new long[] {count, System.nanoTime() - start};
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static void pgbench(TestDatabase database, Duration each) throws IOException, InterruptedException {
        URI server = URI.create(database.settings().url().substring("jdbc:".length()));
        String db = server.getPath().substring(1);
        String id = database.query("SELECT id::text FROM orders WHERE tenant_id = 'tenant-a' LIMIT 1");
        String where = SELECT.replaceFirst("\\?", "'tenant-a'").replaceFirst("\\?", "'" + id + "'").replace("\n", " ");
        Map<String, String[]> scripts = new LinkedHashMap<>();
        scripts.put("pgbench: explicit WHERE, plain role, prepared", new String[] {database.settings().migrator().user(),
                where + ";\n", "prepared"});
        scripts.put("pgbench: set_config + SELECT in one message, app role", new String[] {database.settings().app().user(),
                "SELECT set_config('app.tenant_id', 'tenant-a', true) \\; " + where + ";\n", "simple"});
        scripts.put("pgbench: BEGIN; set_config; SELECT; COMMIT, app role", new String[] {database.settings().app().user(),
                "BEGIN;\nSELECT set_config('app.tenant_id', 'tenant-a', true);\n" + where + ";\nCOMMIT;\n", "prepared"});
        System.out.printf("%n%-55s %10s%n", "pgbench (same SQL, 1 client)", "tps");
        for (var script : scripts.entrySet()) {
            Path file = Files.createTempFile("tenantry-bench", ".sql");
            Files.writeString(file, script.getValue()[1]);
            Process process = new ProcessBuilder("pgbench", "-n", "-c", "1", "-T", String.valueOf(each.toSeconds()),
                    "-M", script.getValue()[2], "-h", server.getHost(), "-p", String.valueOf(server.getPort()),
                    "-U", script.getValue()[0], "-f", file.toString(), db).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            process.waitFor();
            Files.delete(file);
            String tps = output.lines().filter(line -> line.startsWith("tps")).findFirst().orElse(output.strip());
            System.out.printf("%-55s %s%n", script.getKey(), tps.replaceAll("tps = ([0-9.]+).*", "$1"));
        }
    }
}
