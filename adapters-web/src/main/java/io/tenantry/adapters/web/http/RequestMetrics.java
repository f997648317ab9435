package io.tenantry.adapters.web.http;

import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tenantry.kernel.context.TenantIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Records every request as the histogram {@code tenantry_http_requests_seconds} by route, method, status and tier
 * (buckets at the configured bounds, so {@code histogram_quantile} gives p99 per route and tier), and logs one line per
 * request. Tenant ids are not metric labels (their number is unbounded); they are in the log line.
 */
public final class RequestMetrics {

    private static final Logger LOG = LoggerFactory.getLogger("io.tenantry.http");

    /** The labels of one timer; bounded (routes, methods, statuses and tiers are each a short list). */
    private record Labels(String route, String method, int status, String tier) {
    }

    private final MeterRegistry registry;
    private final Duration[] buckets;
    /** Each timer built once: building one per request (tags sorted, id looked up) showed in the request's profile. */
    private final Map<Labels, Timer> timers = new ConcurrentHashMap<>();

    /** {@code buckets}: the upper bounds of the histogram's buckets ({@code le}), besides {@code +Inf}. */
    public RequestMetrics(MeterRegistry registry, List<Duration> buckets) {
        this.registry = registry;
        this.buckets = buckets.toArray(Duration[]::new);
    }

    public void record(Context ctx, Float millis) {
        TenantIdentity identity = RequestIdentity.of(ctx);
        String tier = identity == null ? "none" : identity.tier().wireName();
        String route = route(ctx);
        int status = ctx.statusCode();
        timers.computeIfAbsent(new Labels(route, ctx.method().name(), status, tier), this::timer)
                .record((long) (millis * 1_000_000L), TimeUnit.NANOSECONDS);
        // the request's fields, for a JSON log's shipper; the request's own MDC is cleared by the time this runs
        try (var requestId = MDC.putCloseable("requestId", String.valueOf(ctx.<String>attribute(RequestIds.ATTRIBUTE)));
             var tenant = MDC.putCloseable("tenant", identity == null ? "-" : identity.tenant().value());
             var routeField = MDC.putCloseable("route", route)) {
            LOG.info("{} {} {} {}ms tenant={} request={}", ctx.method().name(), route, status, Math.round(millis),
                    identity == null ? "-" : identity.tenant(), ctx.attribute(RequestIds.ATTRIBUTE));
        }
    }

    private Timer timer(Labels labels) {
        return Timer.builder("tenantry.http.requests").tag("route", labels.route()).tag("method", labels.method())
                .tag("status", String.valueOf(labels.status())).tag("tier", labels.tier())
                .description("HTTP requests by route, method, status and tier; buckets for quantiles and SLOs")
                .serviceLevelObjectives(buckets).register(registry);
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
