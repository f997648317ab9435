package io.tenantry.adapters.persistence.redis;

import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

/**
 * A Redisson client for one Redis server. Strings only ({@link StringCodec}): values are written by the adapters
 * themselves, and the default codec would need {@code sun.misc.Unsafe} on JDK 25.
 */
public final class RedisConnection {

    private RedisConnection() {
    }

    /** Connects to {@code url}, e.g. {@code redis://127.0.0.1:6379}. */
    public static RedissonClient connect(String url) {
        Config config = new Config();
        config.setCodec(StringCodec.INSTANCE);
        config.useSingleServer().setAddress(url).setConnectionMinimumIdleSize(2).setConnectionPoolSize(16)
                .setTimeout(2_000).setRetryAttempts(1);
        return Redisson.create(config);
    }
}
