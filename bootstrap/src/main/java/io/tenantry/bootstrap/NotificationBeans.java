package io.tenantry.bootstrap;

import io.tenantry.adapters.web.notify.LogOnlyNotifications;
import io.tenantry.adapters.web.notify.WebhookNotifications;
import io.tenantry.application.notification.Notifications;
import io.tenantry.bootstrap.contextual.ForTier;
import io.tenantry.bootstrap.contextual.PerTenant;
import io.tenantry.bootstrap.contextual.TenantDefault;
import io.tenantry.kernel.context.Tier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * Which sender a tenant's notifications take: the configured webhook for enterprise tenants, the log for everyone
 * else (and for enterprise too while no webhook is configured). The whole cost of this tenant-conditional port is
 * these two producers; business code injects {@code Notifications}.
 */
@Singleton
public class NotificationBeans {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    @Produces
    @TenantDefault
    @Dependent
    Notifications logged() {
        return new LogOnlyNotifications();
    }

    @Produces
    @ForTier(Tier.ENTERPRISE)
    @PerTenant
    Notifications enterprise(TenantryConfig config) {
        return config.webhook().<Notifications>map(url -> new WebhookNotifications(client, url, TIMEOUT))
                .orElseGet(LogOnlyNotifications::new);
    }

    @PreDestroy
    void closeClient() {
        client.close();
    }
}
