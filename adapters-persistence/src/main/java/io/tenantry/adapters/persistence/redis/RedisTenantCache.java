package io.tenantry.adapters.persistence.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.tenantry.kernel.cache.CacheKey;
import io.tenantry.kernel.cache.CacheTag;
import io.tenantry.kernel.cache.TenantCache;
import org.redisson.api.RBatch;
import org.redisson.api.RedissonClient;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The tenant cache in Redis, shared by every instance. Keys are the kernel's {@link CacheKey}s (tenant first,
 * escaped), values JSON; a tag is a Redis set of the keys put with it, so dropping a tag drops exactly those
 * entries of exactly that tenant.
 */
final class RedisTenantCache implements TenantCache {

    private final RedissonClient redis;
    private final String prefix;
    private final RedisCalls calls;
    private final ObjectMapper json = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** {@code prefix} separates environments sharing one Redis, e.g. {@code tenantry:cache:}. */
    RedisTenantCache(RedissonClient redis, String prefix) {
        this(redis, prefix, RedisCalls.unmeasured());
    }

    RedisTenantCache(RedissonClient redis, String prefix, RedisCalls calls) {
        this.redis = redis;
        this.prefix = prefix;
        this.calls = calls;
    }

    @Override
    public <V> Optional<V> get(CacheKey key, Class<V> type) {
        String stored = calls.call("cache.get", () -> redis.<String>getBucket(prefix + key.value()).get());
        if (stored == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(stored, type));
        } catch (JsonProcessingException unreadable) {
            // written by another version of the value type: a miss, not an error
            return Optional.empty();
        }
    }

    @Override
    public <V> void put(CacheKey key, V value, Duration ttl, Set<CacheTag> tags) {
        String encoded;
        try {
            encoded = json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a cache value must be plain data", e);
        }
        calls.call("cache.put", () -> {
            RBatch batch = redis.createBatch();
            batch.<String>getBucket(prefix + key.value()).setAsync(encoded, ttl);
            for (CacheTag tag : tags) {
                batch.<String>getSet(prefix + tag.value()).addAsync(prefix + key.value());
                batch.getSet(prefix + tag.value()).expireAsync(ttl.plusMinutes(1));
            }
            return batch.execute();
        });
    }

    @Override
    public void invalidate(CacheKey key) {
        calls.call("cache.invalidate", () -> redis.getBucket(prefix + key.value()).delete());
    }

    @Override
    public void invalidateTag(CacheTag tag) {
        calls.call("cache.invalidate_tag", () -> {
            Set<String> keys = redis.<String>getSet(prefix + tag.value()).readAll();
            if (!keys.isEmpty()) {
                redis.getKeys().delete(keys.toArray(String[]::new));
            }
            return redis.getSet(prefix + tag.value()).delete();
        });
    }
}
