package io.tenantry.adapters.persistence.redis;

import io.tenantry.application.health.DependencyUnavailable;
import io.tenantry.kernel.limits.Budget;
import io.tenantry.kernel.limits.RateLimitDecision;
import io.tenantry.kernel.limits.RateLimitKey;
import io.tenantry.kernel.limits.RateLimiter;
import io.tenantry.kernel.limits.SlidingWindow;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;

import java.util.List;

/**
 * The sliding-window limiter shared by every instance through Redis. Each decision is one Lua script (atomic on the
 * server): read the tenant's two counters, roll the window by the server's clock, admit and count if the sliding
 * window has room. Instances therefore agree on budgets and on time.
 */
public final class RedisRateLimiter implements RateLimiter {

    private static final String SCRIPT = """
            if redis.replicate_commands then redis.replicate_commands() end
            local limit = tonumber(ARGV[1])
            local window = tonumber(ARGV[2])
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
            local index = math.floor(now / window)
            local elapsed = now - index * window
            local state = redis.call('HMGET', KEYS[1], 'w', 'c', 'p')
            local w = tonumber(state[1])
            local c = tonumber(state[2]) or 0
            local p = tonumber(state[3]) or 0
            if w ~= index then
              if w == index - 1 then p = c else p = 0 end
              c = 0
            end
            c = c + (tonumber(ARGV[3]) or 0)
            local allowed = 0
            if p * (window - elapsed) / window + c + 1 <= limit then
              c = c + 1
              allowed = 1
            end
            redis.call('HSET', KEYS[1], 'w', index, 'c', c, 'p', p)
            redis.call('PEXPIRE', KEYS[1], window * 2)
            return {allowed, elapsed, c, p}
            """;

    private final RScript script;
    private final String prefix;
    private volatile String sha;

    /** {@code prefix} separates environments sharing one Redis, e.g. {@code tenantry:limits:}. */
    public RedisRateLimiter(RedissonClient redis, String prefix) {
        this.script = redis.getScript();
        this.prefix = prefix;
    }

    @Override
    public RateLimitDecision acquire(RateLimitKey key, Budget budget) {
        return acquire(key, budget, 0);
    }

    /**
     * As {@link #acquire(RateLimitKey, Budget)}, first counting {@code admittedElsewhere} requests into the current
     * window: those an instance admitted on its own while Redis was down, so rejoining the shared budget brings no
     * burst.
     */
    RateLimitDecision acquire(RateLimitKey key, Budget budget, long admittedElsewhere) {
        long window = budget.window().toMillis();
        List<Object> keys = List.of(prefix + key.value() + ":" + window);
        List<Long> result;
        try {
            result = evaluate(keys, String.valueOf(budget.permits()), String.valueOf(window), String.valueOf(admittedElsewhere));
        } catch (RedisException unreachable) {
            throw new DependencyUnavailable("Redis", unreachable);
        }
        return SlidingWindow.decision(budget, result.get(0) == 1, result.get(1), result.get(2), result.get(3));
    }

    /** Runs the script by its SHA (loaded once), loading it again if the server forgot it (a restart). */
    private List<Long> evaluate(List<Object> keys, String... arguments) {
        String loaded = sha;
        if (loaded != null) {
            try {
                return script.evalSha(RScript.Mode.READ_WRITE, loaded, RScript.ReturnType.LIST, keys, (Object[]) arguments);
            } catch (RedisException maybeForgotten) {
                if (maybeForgotten.getMessage() == null || !maybeForgotten.getMessage().contains("NOSCRIPT")) {
                    throw maybeForgotten;
                }
            }
        }
        sha = script.scriptLoad(SCRIPT);
        return script.evalSha(RScript.Mode.READ_WRITE, sha, RScript.ReturnType.LIST, keys, (Object[]) arguments);
    }
}
