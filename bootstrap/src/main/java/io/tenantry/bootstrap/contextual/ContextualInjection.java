package io.tenantry.bootstrap.contextual;

import io.tenantry.kernel.context.TenantId;
import io.tenantry.kernel.resolution.CandidateKey;
import io.tenantry.kernel.resolution.ContextualProvider;
import io.tenantry.kernel.resolution.MostSpecificCandidate;
import io.tenantry.kernel.resolution.ProviderScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessBean;
import jakarta.inject.Singleton;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Contextual injection as a capability of the container. A team declares the candidates of a port with
 * {@link ForTenant}, {@link ForTier} and {@link TenantDefault}; this extension adds one bean of the port type (the
 * {@code @Default} one, what {@code @Inject Port port} receives) whose every call resolves the current identity with
 * the kernel's {@link MostSpecificCandidate} and reaches that candidate. So an {@code @ApplicationScoped} service
 * injected once always reaches the current tenant's provider, and adding a tenant-conditional port takes a few
 * annotations, not a delegating class.
 *
 * <p>Deployment fails, naming the bean, when a candidate is a process-wide singleton, when its port is not one
 * interface, when two candidates of a port are declared for the same key, or when a port has no default.
 */
public final class ContextualInjection implements Extension {

    /** How many tenants' {@link PerTenant} instances are kept when none is configured. */
    public static final int DEFAULT_MAX_TENANTS = 1_000;

    private final PerTenantContext perTenant;
    private final Map<Class<?>, List<Candidate>> candidates = new LinkedHashMap<>();

    /** A candidate bean and the key it was declared for. */
    private record Candidate(CandidateKey key, Bean<?> bean) {
    }

    public ContextualInjection() {
        this(DEFAULT_MAX_TENANTS);
    }

    /** {@code maxTenants}: how many tenants' {@link PerTenant} instances are kept before the least recent go. */
    public ContextualInjection(int maxTenants) {
        this.perTenant = new PerTenantContext(maxTenants);
    }

    <T> void collectCandidates(@Observes ProcessBean<T> event) {
        Bean<T> bean = event.getBean();
        List<CandidateKey> keys = keysOf(bean.getQualifiers());
        if (keys.isEmpty()) {
            return;
        }
        if (keys.size() > 1) {
            event.addDefinitionError(new DefinitionException(describe(bean) + " is declared for " + keys
                    + "; a candidate is declared for one tenant, one tier or the default"));
            return;
        }
        CandidateKey key = keys.getFirst();
        Class<? extends Annotation> scope = bean.getScope();
        if (scope == Singleton.class || scope == ApplicationScoped.class) {
            event.addDefinitionError(new DefinitionException(describe(bean) + " is a candidate for " + key
                    + " but @" + scope.getSimpleName() + ": one instance would serve every tenant it is chosen for. "
                    + "Make it @PerTenant (one per tenant) or @Dependent (one per call)"));
            return;
        }
        List<Class<?>> ports = bean.getTypes().stream().filter(type -> type instanceof Class<?> c && c.isInterface())
                .<Class<?>>map(type -> (Class<?>) type).toList();
        if (ports.size() != 1) {
            event.addDefinitionError(new DefinitionException(describe(bean) + " is a candidate for " + key
                    + " but its types name " + ports.size() + " interfaces; a candidate implements exactly one port "
                    + "(restrict it with @Typed)"));
            return;
        }
        synchronized (candidates) {
            candidates.computeIfAbsent(ports.getFirst(), port -> new ArrayList<>()).add(new Candidate(key, bean));
        }
    }

    void addPortsAndTheScope(@Observes AfterBeanDiscovery discovery, BeanManager beans) {
        discovery.addContext(perTenant);
        candidates.forEach((port, declared) -> {
            Optional<String> problem = problemOf(port, declared);
            if (problem.isPresent()) {
                discovery.addDefinitionError(new DefinitionException(problem.get()));
            } else {
                addPort(discovery, beans, port, declared);
            }
        });
    }

    void disposePerTenantInstances(@Observes BeforeShutdown shutdown) {
        perTenant.destroyAll();
    }

    private static <P> void addPort(AfterBeanDiscovery discovery, BeanManager beans, Class<P> port,
                                    List<Candidate> declared) {
        Map<CandidateKey, Bean<?>> byKey = declared.stream()
                .collect(Collectors.toMap(Candidate::key, Candidate::bean));
        ContextualProvider.Builder<CandidateKey, Bean<?>> selection =
                ContextualProvider.<CandidateKey, Bean<?>>resolvedBy(MostSpecificCandidate.among(byKey.keySet()))
                        .scope(ProviderScope.PER_CALL).withoutDefault();
        byKey.forEach((key, bean) -> selection.bind(key, identity -> bean));
        ContextualProvider<Bean<?>> chosen = selection.build();
        discovery.addBean().types(port, Object.class).qualifiers(Default.Literal.INSTANCE, Any.Literal.INSTANCE)
                .scope(Singleton.class)
                .createWith(context -> ContextualPort.of(port, chosen, beans));
    }

    private static Optional<String> problemOf(Class<?> port, List<Candidate> declared) {
        Map<CandidateKey, List<Candidate>> byKey = declared.stream().collect(Collectors.groupingBy(Candidate::key));
        for (var entry : byKey.entrySet()) {
            if (entry.getValue().size() > 1) {
                return Optional.of(port.getName() + " has " + entry.getValue().size() + " candidates for " + entry.getKey()
                        + ": " + entry.getValue().stream().map(candidate -> describe(candidate.bean()))
                        .collect(Collectors.joining(", ")) + "; declare one per tenant, tier or default");
            }
        }
        if (!byKey.containsKey(new CandidateKey.Default())) {
            return Optional.of(port.getName() + " has candidates for " + byKey.keySet().stream().map(Object::toString)
                    .sorted().collect(Collectors.joining(", ")) + " but no @TenantDefault; declare what every other "
                    + "tenant gets, so no tenant is left to a guess");
        }
        return Optional.empty();
    }

    private static List<CandidateKey> keysOf(Set<Annotation> qualifiers) {
        List<CandidateKey> keys = new ArrayList<>();
        for (Annotation qualifier : qualifiers) {
            switch (qualifier) {
                case ForTenant tenant -> keys.add(new CandidateKey.ForTenant(TenantId.of(tenant.value())));
                case ForTier tier -> keys.add(new CandidateKey.ForTier(tier.value()));
                case TenantDefault ignored -> keys.add(new CandidateKey.Default());
                default -> {
                }
            }
        }
        return keys;
    }

    private static String describe(Bean<?> bean) {
        return bean.toString();
    }
}
