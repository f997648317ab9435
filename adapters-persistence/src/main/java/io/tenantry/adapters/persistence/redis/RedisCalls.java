package io.tenantry.adapters.persistence.redis;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.tenantry.application.health.DependencyUnavailable;
import org.redisson.client.RedisException;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs Redis commands for the adapters, so that every way Redisson reports an unreachable Redis means one thing, and
 * times each as {@code tenantry_redis_commands_seconds} by command (a short fixed list: {@code cache.get},
 * {@code limiter.lease}, …) and outcome ({@code success}, {@code unavailable}, {@code error}). Redisson's community
 * edition publishes no metrics of its own, so the adapters measure where they call it.
 */
final class RedisCalls {

    /** Bucket bounds for a command on a healthy loopback or LAN Redis, up to its command timeout. */
    private static final Duration[] BOUNDS = {Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
            Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1)};

    private final MeterRegistry registry;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    RedisCalls(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Calls that are not measured: for an adapter made on its own, outside {@link RedisAdapters}. */
    static RedisCalls unmeasured() {
        return new RedisCalls(new CompositeMeterRegistry());
    }

    /**
     * Runs {@code command}; Redis not answering becomes {@link DependencyUnavailable}. That is a
     * {@link RedisException}, or, for a caller that found another thread still connecting (the client connects on
     * first use), the same failure wrapped in a {@link CompletionException}.
     */
    <T> T call(String name, Supplier<T> command) {
        long started = System.nanoTime();
        String outcome = "error";
        try {
            T result = command.get();
            outcome = "success";
            return result;
        } catch (RedisException unreachable) {
            outcome = "unavailable";
            throw new DependencyUnavailable("Redis", unreachable);
        } catch (CompletionException waited) {
            if (waited.getCause() instanceof RedisException unreachable) {
                outcome = "unavailable";
                throw new DependencyUnavailable("Redis", unreachable);
            }
            throw waited;
        } finally {
            timer(name, outcome).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    private Timer timer(String name, String outcome) {
        return timers.computeIfAbsent(name + ' ' + outcome, key -> Timer.builder("tenantry.redis.commands")
                .tag("command", name).tag("outcome", outcome)
                .serviceLevelObjectives(BOUNDS)
                .description("Redis commands of the tenant cache and the rate limiter, by command and outcome")
                .register(registry));
    }
}
