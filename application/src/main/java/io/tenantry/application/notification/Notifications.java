package io.tenantry.application.notification;

/**
 * The port through which the application tells the outside world what happened in the current tenant. Which sender
 * a tenant gets depends on its plan (a webhook for enterprise, the log for the others) and is the container's
 * choice: callers inject this port once and never see it.
 */
public interface Notifications {

    /** Sends {@code notification} as the current tenant's; fails with {@code MissingTenantContext} without one. */
    Delivery send(Notification notification);
}
