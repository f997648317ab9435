package io.tenantry.adapters.storage;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import software.amazon.awssdk.core.metrics.CoreMetric;
import software.amazon.awssdk.http.HttpMetric;
import software.amazon.awssdk.metrics.MetricCollection;
import software.amazon.awssdk.metrics.MetricPublisher;
import software.amazon.awssdk.metrics.SdkMetric;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The AWS SDK's own measurement of every S3 call, published as {@code tenantry_s3_calls_seconds} by operation
 * ({@code PutObject}, {@code GetObject}, …, the SDK's names) and outcome. The SDK times a call from the first attempt
 * to the answer's headers, retries included (a download's body streams after that), which is what a caller waited
 * for an answer; it ships publishers for CloudWatch only, so this one hands the figures to Micrometer.
 *
 * <p>The outcome is {@code success}, {@code not_found} (an upload asks what it replaces, a read may ask for a missing
 * file: normal traffic, not a fault), {@code client_error} (another 4xx), {@code server_error} (5xx) or
 * {@code io_error} (no answer at all), so an alert on the last two fires on faults only.
 */
final class S3CallMetrics implements MetricPublisher {

    /** From a small object on a LAN S3-compatible server to a large part upload to a remote region. */
    private static final Duration[] BOUNDS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private final MeterRegistry registry;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    S3CallMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void publish(MetricCollection call) {
        Optional<Duration> took = first(call, CoreMetric.API_CALL_DURATION);
        if (took.isEmpty()) {
            return;
        }
        String operation = first(call, CoreMetric.OPERATION_NAME).orElse("unknown");
        timer(operation, outcome(call)).record(took.get());
    }

    /** Success by the SDK's word; otherwise by the HTTP status of the last attempt that got one. */
    private static String outcome(MetricCollection call) {
        if (first(call, CoreMetric.API_CALL_SUCCESSFUL).orElse(false)) {
            return "success";
        }
        int status = call.childrenWithName("ApiCallAttempt")
                .flatMap(attempt -> attempt.metricValues(HttpMetric.HTTP_STATUS_CODE).stream())
                .reduce((earlier, later) -> later).orElse(0);
        if (status == 404) {
            return "not_found";
        }
        return status >= 500 ? "server_error" : status >= 400 ? "client_error" : "io_error";
    }

    private Timer timer(String operation, String outcome) {
        return timers.computeIfAbsent(operation + ' ' + outcome, key -> Timer.builder("tenantry.s3.calls")
                .tag("operation", operation).tag("outcome", outcome)
                .serviceLevelObjectives(BOUNDS)
                .description("S3 calls of the storage and its health check, retries included, by operation and outcome")
                .register(registry));
    }

    private static <T> Optional<T> first(MetricCollection call, SdkMetric<T> metric) {
        return call.metricValues(metric).stream().findFirst();
    }

    @Override
    public void close() {
    }
}
