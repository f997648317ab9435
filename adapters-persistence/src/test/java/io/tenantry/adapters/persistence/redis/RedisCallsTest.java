package io.tenantry.adapters.persistence.redis;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tenantry.application.health.DependencyUnavailable;
import org.junit.jupiter.api.Test;
import org.redisson.client.RedisConnectionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Each Redis command is timed under its name and outcome; an unreachable Redis is one kind of failure. */
class RedisCallsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RedisCalls calls = new RedisCalls(registry);

    @Test
    void successesUnavailabilityAndOtherErrorsAreTimedApart() {
        assertEquals("v", calls.call("cache.get", () -> "v"));
        assertEquals("v", calls.call("cache.get", () -> "v"));
        assertThrows(DependencyUnavailable.class, () -> calls.call("cache.get", () -> {
            throw new RedisConnectionException("refused");
        }));
        assertThrows(IllegalStateException.class, () -> calls.call("limiter.lease", () -> {
            throw new IllegalStateException("a bug");
        }));

        assertEquals(2, timer("cache.get", "success").count());
        assertEquals(1, timer("cache.get", "unavailable").count());
        assertEquals(1, timer("limiter.lease", "error").count());
        assertEquals(3, registry.find("tenantry.redis.commands").timers().size(), "no other series");
    }

    @Test
    void unmeasuredCallsStillTranslateAnUnreachableRedis() {
        assertThrows(DependencyUnavailable.class, () -> RedisCalls.unmeasured().call("cache.get", () -> {
            throw new RedisConnectionException("refused");
        }));
    }

    private Timer timer(String command, String outcome) {
        return registry.find("tenantry.redis.commands").tag("command", command).tag("outcome", outcome).timer();
    }
}
