package io.tenantry.adapters.persistence.redis;

import io.tenantry.application.health.DependencyUnavailable;
import org.redisson.client.RedisException;

import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/** Runs Redis commands for the adapters, so that every way Redisson reports an unreachable Redis means one thing. */
final class RedisCalls {

    private RedisCalls() {
    }

    /**
     * Runs {@code command}; Redis not answering becomes {@link DependencyUnavailable}. That is a
     * {@link RedisException}, or, for a caller that found another thread still connecting (the client connects on
     * first use), the same failure wrapped in a {@link CompletionException}.
     */
    static <T> T call(Supplier<T> command) {
        try {
            return command.get();
        } catch (RedisException unreachable) {
            throw new DependencyUnavailable("Redis", unreachable);
        } catch (CompletionException waited) {
            if (waited.getCause() instanceof RedisException unreachable) {
                throw new DependencyUnavailable("Redis", unreachable);
            }
            throw waited;
        }
    }
}
