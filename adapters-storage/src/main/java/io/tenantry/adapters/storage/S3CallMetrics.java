package io.tenantry.adapters.storage;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import software.amazon.awssdk.core.metrics.CoreMetric;
import software.amazon.awssdk.metrics.MetricCollection;
import software.amazon.awssdk.metrics.MetricPublisher;
import software.amazon.awssdk.metrics.SdkMetric;

import java.time.Duration;
import java.util.Optional;

/**
 * The AWS SDK's own measurement of every S3 call, published as {@code tenantry_s3_calls_seconds} by operation
 * ({@code PutObject}, {@code GetObject}, …, the SDK's names) and outcome ({@code success} or {@code failure}). The SDK
 * times a call from the first attempt to the last answer, retries included, which is what a caller waited; it
 * ships publishers for CloudWatch only, so this one hands the figures to Micrometer.
 */
final class S3CallMetrics implements MetricPublisher {

    /** From a small object on a LAN S3-compatible server to a large part upload to a remote region. */
    private static final Duration[] BOUNDS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private final MeterRegistry registry;

    S3CallMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void publish(MetricCollection call) {
        Optional<Duration> took = first(call, CoreMetric.API_CALL_DURATION);
        if (took.isEmpty()) {
            return;
        }
        boolean succeeded = first(call, CoreMetric.API_CALL_SUCCESSFUL).orElse(false);
        Timer.builder("tenantry.s3.calls")
                .tag("operation", first(call, CoreMetric.OPERATION_NAME).orElse("unknown"))
                .tag("outcome", succeeded ? "success" : "failure")
                .serviceLevelObjectives(BOUNDS)
                .description("S3 calls of the paying tiers' storage, retries included, by operation and outcome")
                .register(registry)
                .record(took.get());
    }

    private static <T> Optional<T> first(MetricCollection call, SdkMetric<T> metric) {
        return call.metricValues(metric).stream().findFirst();
    }

    @Override
    public void close() {
    }
}
