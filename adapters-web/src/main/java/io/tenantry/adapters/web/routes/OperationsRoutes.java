package io.tenantry.adapters.web.routes;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tenantry.adapters.web.http.ErrorMapping;
import io.tenantry.adapters.web.http.Recent;
import io.tenantry.adapters.web.json.Responses;
import io.tenantry.application.health.DependencyCheck;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /health}, {@code /metrics} and {@code /openapi.json}: open to anyone, they reveal no tenant data. */
public final class OperationsRoutes {

    /** How long one answer of {@code /health} or {@code /metrics} is served to every caller. */
    static final Duration ANSWER_AGE = Duration.ofSeconds(1);

    private final List<DependencyCheck> checks;
    private final Recent<Responses.Health> health;
    private final Recent<String> scrape;
    private final byte[] openApi;
    private volatile boolean draining;

    public OperationsRoutes(List<DependencyCheck> checks, PrometheusMeterRegistry metrics) {
        this.checks = List.copyOf(checks);
        this.health = new Recent<>(this::checkAll, ANSWER_AGE);
        this.scrape = new Recent<>(metrics::scrape, ANSWER_AGE);
        this.openApi = load("/openapi.json");
    }

    public void register(RoutesConfig routes) {
        routes.get("/health", this::health);
        routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(scrape.get()));
        routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
    }

    /** From now on {@code /health} answers 503 "DRAINING": the server is stopping and takes no new work. */
    public void drain() {
        draining = true;
    }

    private void health(Context ctx) {
        Responses.Health answer = draining ? new Responses.Health("DRAINING", Map.of()) : health.get();
        boolean up = answer.status().equals("UP") || answer.status().equals("DEGRADED");
        if (!up) {
            ctx.header("Retry-After", ErrorMapping.RETRY_AFTER_SECONDS);
        }
        ctx.status(up ? 200 : 503).json(answer);
    }

    private Responses.Health checkAll() {
        Map<String, String> results = new LinkedHashMap<>();
        boolean ready = true;
        boolean degraded = false;
        for (DependencyCheck check : checks) {
            boolean checkUp = check.up();
            results.put(check.name(), checkUp ? "UP" : "DOWN");
            ready &= checkUp || !check.critical();
            degraded |= !checkUp;
        }
        return new Responses.Health(!ready ? "DOWN" : degraded ? "DEGRADED" : "UP", results);
    }

    private static byte[] load(String resource) {
        try (InputStream in = OperationsRoutes.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
