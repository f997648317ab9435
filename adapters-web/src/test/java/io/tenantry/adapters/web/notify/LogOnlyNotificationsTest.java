package io.tenantry.adapters.web.notify;

import io.tenantry.application.contract.NotificationsContract;
import io.tenantry.application.notification.Delivery;
import io.tenantry.application.notification.Notifications;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The log-only sender passes the notifications contract, read back from the lines it writes. */
class LogOnlyNotificationsTest extends NotificationsContract {

    private static final Pattern LINE = Pattern.compile("notification tenant=(\\S+) event=(\\S+) reference=(\\S+)");

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Notifications notifications = new LogOnlyNotifications(lines::add);

    @Override
    protected Notifications notifications() {
        return notifications;
    }

    @Override
    protected List<Received> received() {
        return lines.stream().map(line -> {
            Matcher parts = LINE.matcher(line);
            if (!parts.matches()) {
                throw new AssertionError("not a notification line: " + line);
            }
            return new Received(parts.group(1), parts.group(2), parts.group(3));
        }).toList();
    }

    @Override
    protected Class<? extends Delivery> success() {
        return Delivery.Logged.class;
    }
}
