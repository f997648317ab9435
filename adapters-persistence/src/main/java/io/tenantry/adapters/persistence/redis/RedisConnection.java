package io.tenantry.adapters.persistence.redis;

import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

import java.time.Duration;

/**
 * A Redisson client for one Redis server. Strings only ({@link StringCodec}): values are written by the adapters
 * themselves, and the default codec would need {@code sun.misc.Unsafe} on JDK 25.
 */
final class RedisConnection {

    private RedisConnection() {
    }

    /** Connects to {@code url}, e.g. {@code redis://127.0.0.1:6379}, with lenient timeouts (tests, tools). */
    public static RedissonClient connect(String url) {
        return connect(url, Duration.ofSeconds(2));
    }

    /**
     * Creates a client that connects on its first command, with every command bounded by {@code commandTimeout} and never retried: on the request path a Redis
     * that does not answer at once is treated as down (and the callers fall back) rather than waited for.
     */
    public static RedissonClient connect(String url, Duration commandTimeout) {
        Config config = new Config();
        config.setCodec(StringCodec.INSTANCE);
        // connect on first use, not here: a Redis that is down (or slow to answer a cold JVM's first PING within a
        // hot-path timeout) must not stop the service from starting; the callers' breaker covers the first calls
        config.setLazyInitialization(true);
        int timeout = (int) commandTimeout.toMillis();
        config.useSingleServer().setAddress(url).setConnectionMinimumIdleSize(2).setConnectionPoolSize(16)
                .setTimeout(timeout).setConnectTimeout(Math.max(timeout, 1_000)).setRetryAttempts(0);
        return Redisson.create(config);
    }
}
