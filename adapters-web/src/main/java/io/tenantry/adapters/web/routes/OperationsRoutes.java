package io.tenantry.adapters.web.routes;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tenantry.adapters.web.http.ErrorMapping;
import io.tenantry.adapters.web.http.Recent;
import io.tenantry.adapters.web.json.Responses;
import io.tenantry.application.health.CheckHealthUseCase;
import io.tenantry.application.health.CheckHealthUseCase.HealthReport;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /health}, {@code /metrics} and {@code /openapi.json}: open to anyone, they reveal no tenant data. */
public final class OperationsRoutes {

    /** How long one answer of {@code /health} or {@code /metrics} is served to every caller. */
    static final Duration ANSWER_AGE = Duration.ofSeconds(1);

    private final CheckHealthUseCase dependencies;
    private final Recent<Responses.Health> health;
    private final Recent<String> scrape;
    private final byte[] openApi;
    private volatile boolean draining;

    public OperationsRoutes(CheckHealthUseCase dependencies, PrometheusMeterRegistry metrics) {
        this.dependencies = dependencies;
        this.health = new Recent<>(this::checkAll, ANSWER_AGE);
        this.scrape = new Recent<>(metrics::scrape, ANSWER_AGE);
        this.openApi = ClasspathFiles.read("/openapi.json");
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
        HealthReport report = dependencies.check();
        Map<String, String> results = new LinkedHashMap<>();
        report.dependencies().forEach((name, up) -> results.put(name, up ? "UP" : "DOWN"));
        return new Responses.Health(report.status().name(), results);
    }
}
