package io.tenantry.adapters.persistence.redis;

import io.tenantry.application.health.DependencyCheck;
import org.redisson.api.RedissonClient;

/**
 * The Redis-backed adapters over one client: the shared rate limiter and the shared tenant cache. Closing it closes
 * the client. Callers outside this package never touch Redisson (a rule of the house).
 */
public final class RedisAdapters implements AutoCloseable {

    private final RedissonClient client;
    private final RedisRateLimiter rateLimiter;
    private final RedisTenantCache tenantCache;

    private RedisAdapters(RedissonClient client, String prefix) {
        this.client = client;
        this.rateLimiter = new RedisRateLimiter(client, prefix + "limits:");
        this.tenantCache = new RedisTenantCache(client, prefix + "cache:");
    }

    /** Connects to {@code url}; every key starts with {@code prefix}, e.g. {@code tenantry:}. */
    public static RedisAdapters connect(String url, String prefix) {
        return new RedisAdapters(RedisConnection.connect(url), prefix);
    }

    public RedisRateLimiter rateLimiter() {
        return rateLimiter;
    }

    public RedisTenantCache tenantCache() {
        return tenantCache;
    }

    /** Whether Redis answers a PING. */
    public DependencyCheck healthCheck() {
        return new DependencyCheck() {
            @Override
            public String name() {
                return "redis";
            }

            @Override
            public boolean up() {
                try {
                    return client.getRedisNodes(org.redisson.api.redisnode.RedisNodes.SINGLE).pingAll(2, java.util.concurrent.TimeUnit.SECONDS);
                } catch (RuntimeException unreachable) {
                    return false;
                }
            }
        };
    }

    @Override
    public void close() {
        client.shutdown();
    }
}
