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

    /** A {@code redis-server} process of the caller's own, on a free loopback port, keeping nothing on disk. */
    public record OwnRedis(RedisServer server, int port) {

        public String url() {
            return "redis://127.0.0.1:" + port;
        }

        public void start() {
            try {
                server.start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start redis-server", e);
            }
        }

        public void stop() {
            try {
                server.stop();
            } catch (IOException e) {
                throw new UncheckedIOException("could not stop redis-server", e);
            }
        }
    }

    /** Starts a {@code redis-server} that the caller stops and starts at will (fault tests). */
    public static OwnRedis startOwn() {
        try {
            int port;
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            OwnRedis own = new OwnRedis(RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                    .setting("save \"\"").setting("appendonly no").build(), port);
            own.start();
            return own;
        } catch (IOException e) {
            throw new UncheckedIOException("could not find a free port", e);
        }
    }

    private static String resolve() {
        String configured = System.getenv("TENANTRY_TEST_REDIS_URL");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        OwnRedis embedded = startOwn();
        Runtime.getRuntime().addShutdownHook(new Thread(embedded::stop, "embedded-redis-stop"));
        return embedded.url();
    }
}
