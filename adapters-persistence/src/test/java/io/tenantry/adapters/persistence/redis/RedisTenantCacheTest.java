package io.tenantry.adapters.persistence.redis;

import io.tenantry.kernel.cache.TenantCache;
import io.tenantry.kernel.testing.TenantCacheContract;
import org.junit.jupiter.api.AfterAll;
import org.redisson.api.RedissonClient;

class RedisTenantCacheTest extends TenantCacheContract {

    private static final RedissonClient REDIS = TestRedis.client();

    @AfterAll
    static void disconnect() {
        REDIS.shutdown();
    }

    @Override
    protected TenantCache freshCache() {
        return new RedisTenantCache(REDIS, TestRedis.uniquePrefix());
    }
}
