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

/**
 * The client proxy of a contextual port: each call asks which candidate the current identity resolves to and
 * forwards to it. A {@link Dependent} candidate lives for the one call and is disposed of after it; a
 * {@link PerTenant} one is the tenant's own instance.
 */
final class ContextualPort implements InvocationHandler {

    private final Class<?> port;
    private final ContextualProvider<Bean<?>> chosen;
    private final BeanManager beans;

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
        CreationalContext<?> creationalContext = beans.createCreationalContext(candidate);
        try {
            return method.invoke(beans.getReference(candidate, port, creationalContext), arguments);
        } catch (InvocationTargetException failure) {
            throw failure.getCause();
        } finally {
            if (candidate.getScope() == Dependent.class) {
                creationalContext.release();
            }
        }
    }
}
