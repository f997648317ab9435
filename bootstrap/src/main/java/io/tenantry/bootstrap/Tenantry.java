package io.tenantry.bootstrap;

import io.tenantry.adapters.web.TenantryWeb;
import io.tenantry.application.admin.AdminService;
import io.tenantry.application.order.OrderService;
import io.tenantry.application.user.UserService;
import io.tenantry.bootstrap.contextual.ContextualInjection;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * A running Tenantry: the Weld SE container with every bean, and the HTTP server started. Closing it stops the
 * server gracefully and releases the database.
 */
public final class Tenantry implements AutoCloseable {

    private final WeldContainer container;
    private final TenantryWeb web;

    private Tenantry(WeldContainer container) {
        this.container = container;
        try {
            this.web = container.select(TenantryWeb.class).get().start();
        } catch (RuntimeException failure) {
            container.close();
            throw failure;
        }
    }

    public static Tenantry start(TenantryConfig config) {
        return new Tenantry(container(config));
    }

    /** Every bean of the service, none started until asked for: what {@code serve} and the commands share. */
    static WeldContainer container(TenantryConfig config) {
        Weld weld = new Weld()
                .disableDiscovery()
                .skipShutdownHook()
                .addExtension(new ConfigExtension(config))
                .addExtension(new ContextualInjection())
                .addBeanClasses(TenantryBeans.class, DatabaseBeans.class, StorageBeans.class, NotificationBeans.class, OrderService.class,
                        UserService.class, AdminService.class);
        return weld.initialize();
    }

    public int port() {
        return web.port();
    }

    /** A bean of the running container, for seeding and tests. */
    public <T> T bean(Class<T> type) {
        return container.select(type).get();
    }

    /** Drains in-flight requests first, then releases the beans (the database last). */
    @Override
    public void close() {
        web.close();
        if (container.isRunning()) {
            container.close();
        }
    }
}
