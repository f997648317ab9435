package io.tenantry.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantry.adapters.persistence.postgres.TestDatabase;
import io.tenantry.adapters.persistence.redis.TestRedis;
import io.tenantry.bootstrap.TestServer.TestTenant;
import io.tenantry.kernel.context.Tier;
import io.tenantry.kernel.limits.Budget;
import io.tenantry.kernel.limits.TierLimits;
import io.tenantry.kernel.testing.Eventually;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /metrics} read by Prometheus itself, not by string matching: {@code promtool check metrics} parses and lints
 * the text, and a real Prometheus server scrapes a real Tenantry (with Redis) every second, so the families it
 * stores are what a user's Prometheus gets, and the PromQL examples of docs/production.md are run on it and must
 * answer. Debian's {@code prometheus} package ({@code /usr/bin/prometheus}, {@code /usr/bin/promtool}; see
 * {@link TestTools}).
 */
class PrometheusScrapeTest {

    /** The families a user of this setup (PostgreSQL and Redis, no S3) finds in Prometheus. */
    private static final List<String> FAMILIES = List.of(
            "tenantry_http_requests_seconds_bucket", "tenantry_http_requests_seconds_count",
            "jvm_memory_used_bytes", "jvm_gc_memory_allocated_bytes_total", "jvm_threads_live_threads",
            "jvm_classes_loaded_classes", "process_cpu_usage", "hikaricp_connections_active",
            "hikaricp_connections_pending", "jetty_threads_current", "jetty_connections_current_connections",
            "tenantry_rate_limit_decisions_total", "tenantry_rate_limit_redis_seconds_count",
            "tenantry_redis_commands_seconds_bucket", "tenantry_dependency_degraded");

    /** promtool's exit code when the text parses and only lint rules found something. */
    private static final int LINT_FINDINGS = 3;

    /**
     * What promtool's lint says of Micrometer's processor binder, whose names Micrometer keeps for compatibility:
     * CPU time in nanoseconds and a CPU count gauge ending in {@code _count}. Everything of Tenantry's own is clean.
     * (These are the rules of Debian 12's promtool, 2.42; a newer promtool with new rules shows here first.)
     */
    private static final List<String> MICROMETERS_OWN_FINDINGS = List.of(
            "process_cpu_time_ns_total metric names should not contain abbreviated units",
            "system_cpu_count non-histogram and non-summary metrics should not have \"_count\" suffix");

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static TestDatabase database;
    private static TestServer server;
    private static Process prometheus;
    private static Path workspace;
    private static String prometheusUrl;

    @BeforeAll
    static void tenantryWithRedisScrapedByPrometheus() throws IOException {
        File binary = TestTools.program("TENANTRY_TEST_PROMETHEUS", "/usr/bin/prometheus", "apt-get install prometheus");
        database = TestDatabase.create(4);
        server = TestServer.start(database, Duration.ofSeconds(2), Optional.of(TestRedis.url()),
                TierLimits.defaults().with(Tier.FREE, Budget.perMinute(3)));
        workspace = Files.createTempDirectory("tenantry-prometheus");
        int port = freePort();
        Path config = workspace.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                scrape_configs:
                  - job_name: tenantry
                    metrics_path: /metrics
                    static_configs:
                      - targets: ['%s']
                """.formatted(URI.create(server.api.base()).getAuthority()));
        prometheus = new ProcessBuilder(binary.getPath(), "--config.file=" + config,
                "--storage.tsdb.path=" + workspace.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(workspace.resolve("prometheus.log").toFile()).start();
        prometheusUrl = "http://127.0.0.1:" + port;
    }

    @AfterAll
    static void stop() throws Exception {
        if (prometheus != null) {
            prometheus.destroy();
            if (!prometheus.waitFor(10, TimeUnit.SECONDS)) {
                prometheus.destroyForcibly();
            }
        }
        if (server != null) {
            server.tenantry.close();
        }
        if (database != null) {
            database.close();
        }
        TestFolders.delete(workspace);
    }

    @Test
    void promtoolParsesTheScrapeWithoutProblems() throws Exception {
        File promtool = TestTools.program("TENANTRY_TEST_PROMTOOL", "/usr/bin/promtool", "apt-get install prometheus");
        server.api.get("/api/orders", server.newTenant(Tier.PRO).member());
        String scrape = server.api.get("/metrics", null).body();
        assertTrue(scrape.contains("tenantry_http_requests_seconds_bucket{"), "positive control: a real scrape");
        Process check = new ProcessBuilder(promtool.getPath(), "check", "metrics").redirectErrorStream(true).start();
        check.getOutputStream().write(scrape.getBytes(StandardCharsets.UTF_8));
        check.getOutputStream().close();
        String findings = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(check.waitFor(30, TimeUnit.SECONDS));
        assertTrue(check.exitValue() == 0 || check.exitValue() == LINT_FINDINGS, "the text parses: " + findings);
        assertEquals(MICROMETERS_OWN_FINDINGS, findings.lines().map(String::strip).filter(line -> !line.isEmpty())
                .sorted().toList(), "promtool's lint finds nothing but Micrometer's own names");

        Process broken = new ProcessBuilder(promtool.getPath(), "check", "metrics").redirectErrorStream(true).start();
        broken.getOutputStream().write("tenantry_broken{route=\"/x\" 1\n".getBytes(StandardCharsets.UTF_8));
        broken.getOutputStream().close();
        broken.getInputStream().readAllBytes();
        assertTrue(broken.waitFor(30, TimeUnit.SECONDS));
        assertFalse(broken.exitValue() == 0, "positive control: promtool refuses text that does not parse");
    }

    @Test
    void prometheusStoresEveryFamilyAndAnswersTheDocumentedQueries() throws Exception {
        Eventually.value(Duration.ofSeconds(30), () -> query("up{job=\"tenantry\"}"),
                up -> up.size() == 1 && up.get(0).at("/value/1").asText().equals("1"));
        TestTenant pro = server.newTenant(Tier.PRO);
        TestTenant free = server.newTenant(Tier.FREE);
        for (int i = 0; i < 5; i++) {
            server.api.get("/api/orders", pro.member());
            server.api.get("/api/orders", free.member());
        }
        server.api.get("/api/orders", free.member()).assertProblem(429);

        Set<String> stored = new HashSet<>();
        Eventually.value(Duration.ofSeconds(30), () -> {
            query("count by (__name__) ({job=\"tenantry\"})").forEach(series -> stored.add(series.at("/metric/__name__").asText()));
            return stored;
        }, names -> names.containsAll(FAMILIES) && !query("tenantry_http_requests_seconds_count{status=\"429\",tier=\"free\"}")
                .isEmpty());
        assertTrue(stored.containsAll(FAMILIES), () -> "missing: " + FAMILIES.stream().filter(f -> !stored.contains(f)).toList());
        String scrape = server.api.get("/metrics", null).body();
        assertTrue(scrape.contains("tier=\"free\""), "positive control: the scrape holds the free tier's requests");
        assertFalse(scrape.contains(free.id().value()) || scrape.contains(pro.id().value()),
                "no tenant id anywhere in the scrape, name or label");

        List<String> documented = documentedQueries();
        assertTrue(documented.size() >= 5, "positive control: the examples were read: " + documented);
        for (String promql : documented) {
            List<JsonNode> answer = Eventually.value(Duration.ofSeconds(30), () -> query(promql), series -> !series.isEmpty());
            assertFalse(answer.isEmpty(), promql);
        }
        List<JsonNode> refused = query(documented.get(1));
        assertTrue(refused.stream().anyMatch(series -> series.at("/metric/tier").asText().equals("free")),
                "the 429 rate names the free tier: " + refused);
    }

    /** The queries of the {@code promql} block in docs/production.md, separated there by blank lines. */
    private static List<String> documentedQueries() throws IOException {
        String page = Files.readString(Path.of("..", "docs", "production.md"));
        Matcher block = Pattern.compile("```promql\\n(.*?)```", Pattern.DOTALL).matcher(page);
        List<String> queries = new ArrayList<>();
        while (block.find()) {
            Arrays.stream(block.group(1).split("\\n\\s*\\n")).map(String::strip).filter(q -> !q.isEmpty())
                    .map(q -> q.replaceAll("\\s*\\n\\s*", " ")).forEach(queries::add);
        }
        return queries;
    }

    private static List<JsonNode> query(String promql) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(prometheusUrl
                            + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 && response.statusCode() != 400 && response.statusCode() != 422) {
                assertTrue(prometheus.isAlive(), () -> "Prometheus stopped: " + log());
                return List.of(); // starting: 503 until its storage is open
            }
            JsonNode answer = Json.parse(response.body());
            assertEquals("success", answer.get("status").asText(), () -> promql + ": " + response.body());
            List<JsonNode> series = new ArrayList<>();
            answer.at("/data/result").forEach(series::add);
            return series;
        } catch (IOException notYetListening) {
            assertTrue(prometheus.isAlive(), () -> "Prometheus stopped: " + log());
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String log() {
        try {
            return Files.readString(workspace.resolve("prometheus.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
