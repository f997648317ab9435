package io.tenantry.bootstrap.contextual;

import io.tenantry.kernel.resolution.ContextualProvider;
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
 * forwards to it. A {@code @Dependent} candidate lives for the one call and is disposed of after it; a
 * {@link PerTenant} one is the tenant's own instance, reached through its client proxy, looked up once.
 */
final class ContextualPort implements InvocationHandler {

    private final Class<?> port;
    private final ContextualProvider<Bean<?>> chosen;
    private final BeanManager beans;
    /** The client proxies of normal-scoped candidates: each finds its contextual instance itself, so one will do. */
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
        if (beans.isNormalScope(candidate.getScope())) {
            return forward(proxies.computeIfAbsent(candidate,
                    bean -> beans.getReference(bean, port, beans.createCreationalContext(bean))), method, arguments);
        }
        CreationalContext<?> creationalContext = beans.createCreationalContext(candidate);
        try {
            return forward(beans.getReference(candidate, port, creationalContext), method, arguments);
        } finally {
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
