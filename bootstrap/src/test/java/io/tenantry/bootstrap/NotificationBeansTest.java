package io.tenantry.bootstrap;

import com.sun.net.httpserver.HttpServer;
import io.tenantry.application.notification.Delivery;
import io.tenantry.application.notification.Notification;
import io.tenantry.application.notification.Notifications;
import io.tenantry.bootstrap.contextual.ContextualInjection;
import io.tenantry.kernel.context.TenantContext;
import io.tenantry.kernel.context.TenantId;
import io.tenantry.kernel.context.Tier;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The notification port as the container resolves it: enterprise tenants reach the webhook, the others the log. */
class NotificationBeansTest {

    @Test
    void enterpriseTenantsReachTheWebhookAndTheOthersTheLog() throws IOException {
        List<String> bodies = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        TenantryConfig config = TenantryConfig.load(new ConfigSource(Map.of("TENANTRY_WEBHOOK_URL",
                "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook")));
        try (WeldContainer container = new Weld("notifications-" + UUID.randomUUID()).disableDiscovery()
                .skipShutdownHook().addExtension(new ConfigExtension(config)).addExtension(new ContextualInjection())
                .addBeanClasses(NotificationBeans.class).initialize()) {
            Notifications notifications = container.select(Notifications.class).get();
            Notification placed = new Notification("order.placed", "o-1");
            assertInstanceOf(Delivery.Delivered.class, send(notifications, "acme", Tier.ENTERPRISE, placed));
            assertInstanceOf(Delivery.Logged.class, send(notifications, "globex", Tier.PRO, placed));
            assertInstanceOf(Delivery.Logged.class, send(notifications, "initech", Tier.FREE, placed));
            assertEquals(1, bodies.size(), "only the enterprise tenant's notification reached the webhook");
            assertTrue(bodies.getFirst().contains("\"tenant\":\"acme\""), bodies.getFirst());
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void aWebhookThatIsNotAnHttpUrlIsRefusedAtStartup() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> TenantryConfig.load(new ConfigSource(Map.of("TENANTRY_WEBHOOK_URL", "ftp://example.test/x"))));
        assertEquals("TENANTRY_WEBHOOK_URL must be a URL starting with http:// or https:// and naming a host, was"
                        + " 'ftp://example.test/****'", refused.getMessage(), "a webhook's path may be its credential");
    }

    private static Delivery send(Notifications notifications, String tenant, Tier tier, Notification notification) {
        return TenantContext.call(DemoData.member(TenantId.of(tenant), tier, "u"), () -> notifications.send(notification));
    }
}
