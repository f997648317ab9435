package io.tenantry.adapters.web.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantry.application.notification.Delivery;
import io.tenantry.application.notification.Notification;
import io.tenantry.application.notification.Notifications;
import io.tenantry.kernel.context.TenantContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The enterprise plan's sender: a JSON POST of the tenant, the event and the reference to the configured webhook.
 * A receiver that does not answer 2xx within the timeout is a {@link Delivery.Failed}, never an exception, so a
 * caller decides whether to retry.
 */
public final class WebhookNotifications implements Notifications {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final URI endpoint;
    private final Duration timeout;

    public WebhookNotifications(HttpClient client, URI endpoint, Duration timeout) {
        this.client = client;
        this.endpoint = endpoint;
        this.timeout = timeout;
    }

    @Override
    public Delivery send(Notification notification) {
        String tenant = TenantContext.requireTenant().value();
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "application/json").header("X-Tenantry-Event", notification.event())
                .POST(HttpRequest.BodyPublishers.ofString(body(tenant, notification))).build();
        try {
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status / 100 == 2 ? new Delivery.Delivered(endpoint.getHost())
                    : new Delivery.Failed("the webhook answered " + status);
        } catch (IOException unreachable) {
            return new Delivery.Failed("the webhook could not be reached: " + unreachable.getClass().getSimpleName());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new Delivery.Failed("interrupted while sending");
        }
    }

    private static String body(String tenant, Notification notification) {
        try {
            return JSON.writeValueAsString(Map.of("tenant", tenant, "event", notification.event(),
                    "reference", notification.reference()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
