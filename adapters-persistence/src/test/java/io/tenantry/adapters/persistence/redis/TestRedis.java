package io.tenantry.adapters.persistence.redis;

import org.redisson.api.RedissonClient;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.UUID;

/**
 * The Redis of this test JVM: the server named by {@code TENANTRY_TEST_REDIS_URL} (as in CI), or an embedded one
 * started once otherwise. Tests use key prefixes of their own, so they can share a server with other runs.
 */
public final class TestRedis {

    private static final String URL = resolve();

    private TestRedis() {
    }

    public static String url() {
        return URL;
    }

    public static RedissonClient client() {
        return RedisConnection.connect(URL);
    }

    /** A key prefix no other test uses. */
    public static String uniquePrefix() {
        return "tenantry-test:" + UUID.randomUUID() + ":";
    }

    private static String resolve() {
        String configured = System.getenv("TENANTRY_TEST_REDIS_URL");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        try {
            int port;
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            RedisServer server = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                    .setting("save \"\"").setting("appendonly no").build();
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.stop();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }, "embedded-redis-stop"));
            return "redis://127.0.0.1:" + port;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start an embedded Redis", e);
        }
    }
}
