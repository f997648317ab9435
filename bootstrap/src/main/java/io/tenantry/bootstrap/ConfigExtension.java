package io.tenantry.bootstrap;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.inject.Singleton;

/** Makes the already-loaded {@link TenantryConfig} injectable, so tests can start the container with their own. */
final class ConfigExtension implements Extension {

    private final TenantryConfig config;

    ConfigExtension(TenantryConfig config) {
        this.config = config;
    }

    void addConfig(@Observes AfterBeanDiscovery discovery) {
        discovery.addBean().types(TenantryConfig.class, Object.class).scope(Singleton.class)
                .createWith(context -> config);
    }
}
