package io.tenantry.adapters.web.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.tenantry.application.contract.NotificationsContract;
import io.tenantry.application.notification.Delivery;
import io.tenantry.application.notification.Notification;
import io.tenantry.application.notification.Notifications;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static io.tenantry.kernel.testing.TwoTenants.MEMBER_A;
import static io.tenantry.kernel.testing.TwoTenants.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The webhook sender passes the notifications contract against a real HTTP receiver on loopback, and a receiver
 * that refuses or is not there is a failed delivery, not an exception.
 */
class WebhookNotificationsTest extends NotificationsContract {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger answer = new AtomicInteger(204);
    private final HttpClient client = HttpClient.newHttpClient();
    private HttpServer receiver;
    private Notifications notifications;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        receiver.createContext("/hook", exchange -> {
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            received.add(new Received(body.get("tenant").asText(), body.get("event").asText(),
                    body.get("reference").asText()));
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        receiver.start();
        notifications = new WebhookNotifications(client,
                URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook"), Duration.ofSeconds(2));
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
        client.close();
    }

    @Override
    protected Notifications notifications() {
        return notifications;
    }

    @Override
    protected List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    protected Class<? extends Delivery> success() {
        return Delivery.Delivered.class;
    }

    @Test
    void aReceiverThatRefusesIsAFailedDelivery() {
        answer.set(500);
        assertEquals(new Delivery.Failed("the webhook answered 500"),
                as(MEMBER_A, () -> notifications.send(new Notification("order.placed", "o-9"))));
    }

    @Test
    void aReceiverThatIsNotThereIsAFailedDelivery() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Notifications nowhere = new WebhookNotifications(client, URI.create("http://127.0.0.1:" + closed + "/hook"),
                Duration.ofSeconds(2));
        assertEquals(new Delivery.Failed("the webhook could not be reached: ConnectException"),
                as(MEMBER_A, () -> nowhere.send(new Notification("order.placed", "o-10"))));
    }
}
