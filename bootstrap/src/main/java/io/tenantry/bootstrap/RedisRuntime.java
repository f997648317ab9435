package io.tenantry.bootstrap;

import io.tenantry.adapters.persistence.redis.RedisConnection;
import org.redisson.api.RedissonClient;

import java.util.Optional;

/** The Redis client shared by the rate limiter and the tenant cache, when a Redis is configured. */
public final class RedisRuntime implements AutoCloseable {

    private final Optional<RedissonClient> client;

    public RedisRuntime(Optional<String> url) {
        this.client = url.map(RedisConnection::connect);
    }

    public Optional<RedissonClient> client() {
        return client;
    }

    @Override
    public void close() {
        client.ifPresent(RedissonClient::shutdown);
    }
}
