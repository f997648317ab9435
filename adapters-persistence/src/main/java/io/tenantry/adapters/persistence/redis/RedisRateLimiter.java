package io.tenantry.adapters.persistence.redis;

import io.tenantry.kernel.limits.Budget;
import io.tenantry.kernel.limits.RateLimitDecision;
import io.tenantry.kernel.limits.RateLimitKey;
import io.tenantry.kernel.limits.SlidingWindow;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;

import java.util.List;

/**
 * The sliding-window limiter shared by every instance through Redis, one Lua script per decision (atomic on the
 * server): read the tenant's two counters, roll the window by the server's clock, admit and count if the sliding
 * window has room. Instances therefore agree on budgets and on time. The same script also hands out leases (several
 * permits counted at once) to {@link LeasedRateLimiter}, which decides locally while a lease lasts.
 *
 * <p>Every key carries the tenant in a hash tag ({@code tenantry:limits:{tenant:acme}:60000},
 * {@code tenantry:limits:{tenant:acme}:orders.place:60000}), so all the keys of one tenant land in one slot and the script runs unchanged on a Redis Cluster.
 */
public final class RedisRateLimiter implements SharedBudget {

    /**
     * ARGV: limit, window (ms), permits admitted elsewhere to count first, permits wanted, unused permits of an
     * earlier lease and that lease's window index (-1 for none). Returns the permits granted (0 to wanted), the
     * milliseconds elapsed in the window, the window's two counters after the grant, and the window's index.
     */
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
            local unused = tonumber(ARGV[5])
            local unusedIndex = tonumber(ARGV[6])
            if unusedIndex == index then
              c = math.max(0, c - unused)
            elseif unusedIndex == index - 1 then
              p = math.max(0, p - unused)
            end
            c = c + tonumber(ARGV[3])
            local room = math.floor(limit - p * (window - elapsed) / window - c)
            local granted = math.max(0, math.min(tonumber(ARGV[4]), room))
            c = c + granted
            redis.call('HSET', KEYS[1], 'w', index, 'c', c, 'p', p)
            redis.call('PEXPIRE', KEYS[1], window * 2)
            return {granted, elapsed, c, p, index}
            """;

    /** What one run of the script granted, and the window as it stood after the grant. */
    record Grant(long granted, long elapsedMillis, long current, long previous, long index) {
    }

    private final RScript script;
    private final String prefix;
    private final RedisCalls calls;
    private volatile String sha;

    /** {@code prefix} separates environments sharing one Redis, e.g. {@code tenantry:limits:}. */
    public RedisRateLimiter(RedissonClient redis, String prefix) {
        this(redis, prefix, RedisCalls.unmeasured());
    }

    RedisRateLimiter(RedissonClient redis, String prefix, RedisCalls calls) {
        this.script = redis.getScript();
        this.prefix = prefix;
        this.calls = calls;
    }

    /**
     * As {@link #acquire(RateLimitKey, Budget)}, first counting {@code admittedElsewhere} requests into the current
     * window: those an instance admitted on its own while Redis was down, so rejoining the shared budget brings no
     * burst.
     */
    @Override
    public RateLimitDecision acquire(RateLimitKey key, Budget budget, long admittedElsewhere) {
        Grant grant = lease(key, budget, 1, admittedElsewhere, 0, -1);
        return SlidingWindow.decision(budget, grant.granted() == 1, grant.elapsedMillis(), grant.current(), grant.previous());
    }

    /**
     * Counts up to {@code wanted} permits of the current window for the caller at once, after counting
     * {@code admittedElsewhere} and giving back {@code unused} permits of an earlier grant in window {@code unusedIndex}
     * (this window or the previous one; older ones no longer weigh).
     */
    Grant lease(RateLimitKey key, Budget budget, long wanted, long admittedElsewhere, long unused, long unusedIndex) {
        long window = budget.window().toMillis();
        String tenant = key.tenantPart();
        List<Object> keys = List.of(prefix + "{" + tenant + "}" + key.value().substring(tenant.length()) + ":" + window);
        List<Long> result = calls.call("limiter.lease", () -> evaluate(keys, String.valueOf(budget.permits()), String.valueOf(window),
                String.valueOf(admittedElsewhere), String.valueOf(wanted), String.valueOf(unused), String.valueOf(unusedIndex)));
        return new Grant(result.get(0), result.get(1), result.get(2), result.get(3), result.get(4));
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
