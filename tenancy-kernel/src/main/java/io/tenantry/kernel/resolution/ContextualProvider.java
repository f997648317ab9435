package io.tenantry.kernel.resolution;

import io.tenantry.kernel.context.TenantContext;
import io.tenantry.kernel.context.TenantId;
import io.tenantry.kernel.context.TenantIdentity;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One injection point that yields a different instance per tenant or tier: {@link #get()} resolves the current
 * identity to a key with a {@link ResolutionStrategy} and asks the factory bound to that key.
 *
 * <p>The default is explicit: {@link Builder#orElse} or {@link Builder#withoutDefault()} must be chosen, so a
 * key nobody bound fails with {@link NoProviderForKey} instead of silently reaching another tenant's provider.
 * Instances are never shared across tenants: {@link ProviderScope#PER_TENANT} caches by tenant and key.
 *
 * @param <T> what is provided
 */
public final class ContextualProvider<T> {

    private final Function<TenantIdentity, ?> strategy;
    private final Map<Object, Function<TenantIdentity, ? extends T>> factories;
    private final Function<TenantIdentity, ? extends T> fallback;
    private final ProviderScope scope;
    private final Map<CacheSlot, T> perTenant = new ConcurrentHashMap<>();

    private ContextualProvider(Builder<?, T> builder) {
        this.strategy = builder.strategy::resolve;
        this.factories = Map.copyOf(builder.factories);
        this.fallback = builder.fallback;
        this.scope = builder.scope;
    }

    /** Starts a provider whose key is chosen by {@code strategy}. */
    public static <K, T> Builder<K, T> resolvedBy(ResolutionStrategy<K> strategy) {
        return new Builder<>(strategy);
    }

    /** The instance for the identity bound to the current work; {@link io.tenantry.kernel.context.MissingTenantContext} without one. */
    public T get() {
        return getFor(TenantContext.require("a contextual provider"));
    }

    /** The instance for {@code identity}, for callers that already hold it. */
    public T getFor(TenantIdentity identity) {
        Object key = Objects.requireNonNull(strategy.apply(identity), "a resolution strategy returned no key");
        Function<TenantIdentity, ? extends T> factory = factoryFor(key);
        if (scope == ProviderScope.PER_CALL) {
            return create(factory, identity);
        }
        return perTenant.computeIfAbsent(new CacheSlot(identity.tenant(), key), slot -> create(factory, identity));
    }

    /** The key {@code identity} resolves to, for diagnostics and tests. */
    public Object keyFor(TenantIdentity identity) {
        return strategy.apply(identity);
    }

    /** Drops the cached instances of one tenant, e.g. after its tier changed or it was suspended. */
    public void evict(TenantId tenant) {
        perTenant.keySet().removeIf(slot -> slot.tenant().equals(tenant));
    }

    /** How many per-tenant instances are cached now. */
    public int cachedInstances() {
        return perTenant.size();
    }

    public ProviderScope scope() {
        return scope;
    }

    private Function<TenantIdentity, ? extends T> factoryFor(Object key) {
        Function<TenantIdentity, ? extends T> factory = factories.get(key);
        if (factory != null) {
            return factory;
        }
        return Optional.<Function<TenantIdentity, ? extends T>>ofNullable(fallback)
                .orElseThrow(() -> new NoProviderForKey(key));
    }

    private static <T> T create(Function<TenantIdentity, ? extends T> factory, TenantIdentity identity) {
        return Objects.requireNonNull(factory.apply(identity), "a contextual provider factory returned null");
    }

    private record CacheSlot(TenantId tenant, Object key) {
    }

    /** Collects the keyed factories; {@link #build()} refuses until the default question is answered. */
    public static final class Builder<K, T> {

        private final ResolutionStrategy<K> strategy;
        private final Map<Object, Function<TenantIdentity, ? extends T>> factories = new HashMap<>();
        private Function<TenantIdentity, ? extends T> fallback;
        private boolean defaultDecided;
        private ProviderScope scope = ProviderScope.PER_CALL;

        private Builder(ResolutionStrategy<K> strategy) {
            this.strategy = Objects.requireNonNull(strategy, "'strategy' must not be null");
        }

        /** Binds {@code factory} to {@code key}; a key may be bound once. */
        public Builder<K, T> bind(K key, Function<TenantIdentity, ? extends T> factory) {
            Objects.requireNonNull(key, "'key' must not be null");
            Objects.requireNonNull(factory, "'factory' must not be null");
            if (factories.putIfAbsent(key, factory) != null) {
                throw new IllegalArgumentException("key '" + key + "' is bound twice");
            }
            return this;
        }

        /** Keys without a factory of their own get this one. */
        public Builder<K, T> orElse(Function<TenantIdentity, ? extends T> factory) {
            this.fallback = Objects.requireNonNull(factory, "'factory' must not be null");
            this.defaultDecided = true;
            return this;
        }

        /** Keys without a factory fail with {@link NoProviderForKey}. */
        public Builder<K, T> withoutDefault() {
            this.fallback = null;
            this.defaultDecided = true;
            return this;
        }

        public Builder<K, T> scope(ProviderScope scope) {
            this.scope = Objects.requireNonNull(scope, "'scope' must not be null");
            return this;
        }

        public ContextualProvider<T> build() {
            if (!defaultDecided) {
                throw new IllegalStateException(
                        "declare what unknown keys get: call orElse(...) or withoutDefault() before build()");
            }
            if (factories.isEmpty() && fallback == null) {
                throw new IllegalStateException("a contextual provider needs at least one factory");
            }
            return new ContextualProvider<>(this);
        }
    }
}
