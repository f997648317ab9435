package io.tenantry.adapters.web.notify;

import io.tenantry.application.notification.Delivery;
import io.tenantry.application.notification.Notification;
import io.tenantry.application.notification.Notifications;
import io.tenantry.kernel.context.TenantContext;
import org.slf4j.LoggerFactory;

import java.util.function.Consumer;

/** The sender of plans without webhooks: one line in the service's log per notification, with its tenant. */
public final class LogOnlyNotifications implements Notifications {

    private final Consumer<String> log;

    public LogOnlyNotifications() {
        this(LoggerFactory.getLogger("io.tenantry.notifications")::info);
    }

    /** Writes each line to {@code log}, for tests that read what was written. */
    public LogOnlyNotifications(Consumer<String> log) {
        this.log = log;
    }

    @Override
    public Delivery send(Notification notification) {
        String tenant = TenantContext.requireTenant().value();
        log.accept("notification tenant=" + tenant + " event=" + notification.event()
                + " reference=" + notification.reference());
        return new Delivery.Logged();
    }
}
