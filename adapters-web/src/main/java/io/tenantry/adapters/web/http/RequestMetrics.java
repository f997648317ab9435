package io.tenantry.adapters.web.http;

import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tenantry.adapters.web.auth.TenantGateway;
import io.tenantry.kernel.context.TenantIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;

/**
 * Records every request as {@code tenantry_http_requests} by route, method, status and tier, and logs one line per
 * request. Tenant ids are not metric labels (their number is unbounded); they are in the log line.
 */
public final class RequestMetrics {

    private static final Logger LOG = LoggerFactory.getLogger("io.tenantry.http");

    private final MeterRegistry registry;

    public RequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void record(Context ctx, Float millis) {
        TenantIdentity identity = ctx.attribute(TenantGateway.IDENTITY);
        String tier = identity == null ? "none" : identity.tier().wireName();
        String route = route(ctx);
        int status = ctx.statusCode();
        Timer.builder("tenantry.http.requests")
                .tag("route", route).tag("method", ctx.method().name()).tag("status", String.valueOf(status)).tag("tier", tier)
                .register(registry)
                .record((long) (millis * 1_000_000L), TimeUnit.NANOSECONDS);
        LOG.info("{} {} {} {}ms tenant={} request={}", ctx.method().name(), route, status, Math.round(millis),
                identity == null ? "-" : identity.tenant(), ctx.attribute(RequestIds.ATTRIBUTE));
    }

    private static String route(Context ctx) {
        try {
            var endpoint = ctx.endpoints().matchedHttpEndpoint();
            return endpoint == null ? "unmatched" : endpoint.path;
        } catch (RuntimeException none) {
            return "unmatched";
        }
    }
}
