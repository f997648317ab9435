package io.tenantry.adapters.web.routes;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tenantry.adapters.web.json.Responses;
import io.tenantry.application.health.DependencyCheck;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /health}, {@code /metrics} and {@code /openapi.json}: open to anyone, they reveal no tenant data. */
public final class OperationsRoutes {

    private final List<DependencyCheck> checks;
    private final PrometheusMeterRegistry metrics;
    private final byte[] openApi;

    public OperationsRoutes(List<DependencyCheck> checks, PrometheusMeterRegistry metrics) {
        this.checks = List.copyOf(checks);
        this.metrics = metrics;
        this.openApi = load("/openapi.json");
    }

    public void register(RoutesConfig routes) {
        routes.get("/health", this::health);
        routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
        routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
    }

    private void health(Context ctx) {
        Map<String, String> results = new LinkedHashMap<>();
        boolean up = true;
        for (DependencyCheck check : checks) {
            boolean checkUp = check.up();
            results.put(check.name(), checkUp ? "UP" : "DOWN");
            up &= checkUp;
        }
        ctx.status(up ? 200 : 503).json(new Responses.Health(up ? "UP" : "DOWN", results));
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
