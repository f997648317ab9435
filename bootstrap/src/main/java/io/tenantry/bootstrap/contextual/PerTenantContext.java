package io.tenantry.bootstrap.contextual;

import io.tenantry.kernel.context.TenantContext;
import io.tenantry.kernel.context.TenantId;
import jakarta.enterprise.context.spi.AlterableContext;
import jakarta.enterprise.context.spi.Contextual;
import jakarta.enterprise.context.spi.CreationalContext;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The context of {@link PerTenant} beans: the instances of the most recently used {@code maxTenants} tenants, each
 * tenant's kept apart from every other's. A tenant pushed out of that set has its instances destroyed, which runs
 * their {@code @PreDestroy} methods and disposers; it gets new ones on its next use.
 */
final class PerTenantContext implements AlterableContext {

    private final int maxTenants;
    /** Access-ordered, so the eldest entry is the least recently used tenant. Guarded by itself. */
    private final LinkedHashMap<TenantId, TenantInstances> tenants = new LinkedHashMap<>(16, 0.75f, true);

    PerTenantContext(int maxTenants) {
        if (maxTenants < 1) {
            throw new IllegalArgumentException("at least one tenant's instances must fit");
        }
        this.maxTenants = maxTenants;
    }

    @Override
    public Class<? extends Annotation> getScope() {
        return PerTenant.class;
    }

    /** Always active; {@link #get} refuses, naming the bean, when no tenant is in context. */
    @Override
    public boolean isActive() {
        return true;
    }

    @Override
    public <T> T get(Contextual<T> bean, CreationalContext<T> creationalContext) {
        return instancesOf(currentTenant(bean), true).get(bean, creationalContext);
    }

    @Override
    public <T> T get(Contextual<T> bean) {
        TenantInstances instances = instancesOf(currentTenant(bean), false);
        return instances == null ? null : instances.existing(bean);
    }

    @Override
    public void destroy(Contextual<?> bean) {
        TenantInstances instances = instancesOf(currentTenant(bean), false);
        if (instances != null) {
            instances.destroy(bean);
        }
    }

    /** How many tenants have instances now. */
    int tenantsHeld() {
        synchronized (tenants) {
            return tenants.size();
        }
    }

    /** Destroys every tenant's instances, when the container stops. */
    void destroyAll() {
        List<TenantInstances> all;
        synchronized (tenants) {
            all = new ArrayList<>(tenants.values());
            tenants.clear();
        }
        all.forEach(TenantInstances::destroyAll);
    }

    private static TenantId currentTenant(Contextual<?> bean) {
        return TenantContext.require("the @PerTenant bean " + bean).tenant();
    }

    private TenantInstances instancesOf(TenantId tenant, boolean create) {
        TenantInstances found;
        List<TenantInstances> evicted = new ArrayList<>();
        synchronized (tenants) {
            found = tenants.get(tenant);
            if (found == null && create) {
                found = new TenantInstances();
                tenants.put(tenant, found);
                var eldest = tenants.entrySet().iterator();
                while (tenants.size() > maxTenants) {
                    evicted.add(eldest.next().getValue());
                    eldest.remove();
                }
            }
        }
        evicted.forEach(TenantInstances::destroyAll);
        return found;
    }

    /** One tenant's instances, each created once even when several threads ask at the same moment. */
    private static final class TenantInstances {

        private final Map<Contextual<?>, Held<?>> held = new ConcurrentHashMap<>();

        @SuppressWarnings("unchecked")
        <T> T get(Contextual<T> bean, CreationalContext<T> creationalContext) {
            return ((Held<T>) held.computeIfAbsent(bean, any -> new Held<>(bean, creationalContext))).instance();
        }

        @SuppressWarnings("unchecked")
        <T> T existing(Contextual<T> bean) {
            Held<T> instance = (Held<T>) held.get(bean);
            return instance == null ? null : instance.createdOrNull();
        }

        void destroy(Contextual<?> bean) {
            Held<?> instance = held.remove(bean);
            if (instance != null) {
                instance.destroy();
            }
        }

        void destroyAll() {
            held.keySet().forEach(this::destroy);
        }
    }

    /**
     * An instance created on first demand, outside the map's lock: creating one bean may create others of the
     * same tenant, which must not wait on the map.
     */
    private static final class Held<T> {

        private final Contextual<T> bean;
        private final CreationalContext<T> creationalContext;
        private T instance;

        Held(Contextual<T> bean, CreationalContext<T> creationalContext) {
            this.bean = bean;
            this.creationalContext = creationalContext;
        }

        synchronized T instance() {
            if (instance == null) {
                instance = bean.create(creationalContext);
            }
            return instance;
        }

        synchronized T createdOrNull() {
            return instance;
        }

        synchronized void destroy() {
            if (instance != null) {
                bean.destroy(instance, creationalContext);
                instance = null;
            }
        }
    }
}
