package io.tenantry.bootstrap.contextual;

import io.tenantry.kernel.resolution.ContextualProvider;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The client proxy of a contextual port: each call asks which candidate the current identity resolves to and
 * forwards to it. A {@code @Dependent} candidate lives for the one call and is disposed of after it (with its own
 * dependent objects: what it holds for the call is let go when the call returns); a {@link PerTenant} one is the
 * tenant's own instance, reached through its client proxy, looked up once.
 */
final class ContextualPort implements InvocationHandler {

    private final Class<?> port;
    private final ContextualProvider<Bean<?>> chosen;
    private final BeanManager beans;
    /**
     * The references of candidates that are not {@code @Dependent}: a normal-scoped one's client proxy finds its
     * contextual instance itself, and a singleton default is its own instance, so one reference will do.
     */
    private final Map<Bean<?>, Object> proxies = new ConcurrentHashMap<>();

    private ContextualPort(Class<?> port, ContextualProvider<Bean<?>> chosen, BeanManager beans) {
        this.port = port;
        this.chosen = chosen;
        this.beans = beans;
    }

    static <P> P of(Class<P> port, ContextualProvider<Bean<?>> chosen, BeanManager beans) {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port},
                new ContextualPort(port, chosen, beans)));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == arguments[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "contextual " + port.getSimpleName();
            };
        }
        Bean<?> candidate = chosen.get();
        if (candidate.getScope() != Dependent.class) {
            return forward(proxies.computeIfAbsent(candidate,
                    bean -> beans.getReference(bean, port, beans.createCreationalContext(bean))), method, arguments);
        }
        return forwardToOneCallInstance(candidate, method, arguments);
    }

    /**
     * Creates a {@code @Dependent} candidate for this call only and destroys it when the call returns: its disposer
     * and {@code @PreDestroy} methods run, and so do those of the dependent objects it was made from.
     */
    private <T> Object forwardToOneCallInstance(Bean<T> candidate, Method method, Object[] arguments)
            throws Throwable {
        CreationalContext<T> creationalContext = beans.createCreationalContext(candidate);
        T instance = candidate.create(creationalContext);
        try {
            return forward(instance, method, arguments);
        } finally {
            candidate.destroy(instance, creationalContext);
            // a producer's destroy releases the context only when its declaring bean is dependent too; the
            // objects this instance was made from (a held database, say) are let go here either way
            creationalContext.release();
        }
    }

    private static Object forward(Object target, Method method, Object[] arguments) throws Throwable {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException failure) {
            throw failure.getCause();
        }
    }
}
