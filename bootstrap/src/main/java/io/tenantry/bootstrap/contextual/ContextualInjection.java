package io.tenantry.bootstrap.contextual;

import io.tenantry.kernel.context.TenantId;
import io.tenantry.kernel.resolution.CandidateKey;
import io.tenantry.kernel.resolution.ContextualProvider;
import io.tenantry.kernel.resolution.MostSpecificCandidate;
import io.tenantry.kernel.resolution.ProviderScope;
import io.tenantry.kernel.resolution.TenantGroup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
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
 * {@link ForTenant}, {@link ForTenantGroup}, {@link ForTier} and {@link TenantDefault}; this extension adds one bean of the port type (the
 * {@code @Default} one, what {@code @Inject Port port} receives) whose every call resolves the current identity with
 * the kernel's {@link MostSpecificCandidate} and reaches that candidate. So an {@code @ApplicationScoped} service
 * injected once always reaches the current tenant's provider, and adding a tenant-conditional port takes a few
 * annotations, not a delegating class.
 *
 * <p>Deployment fails, naming the bean, when a tenant-, group- or tier-conditional candidate is a process-wide
 * singleton, when its port is not one interface, when two candidates of a port are declared for the same key, when a
 * port has two group candidates or no default, or when a group names a type the container holds no bean of. The
 * default may be a singleton: it is what every tenant without a more specific candidate shares by declaration.
 */
public final class ContextualInjection implements Extension {

    /** How many tenants' {@link PerTenant} instances are kept when none is configured. */
    public static final int DEFAULT_MAX_TENANTS = 1_000;

    private final PerTenantContext perTenant;
    private final Map<Class<?>, List<Candidate>> candidates = new LinkedHashMap<>();
    private final Map<String, Class<? extends TenantGroup>> groups = new LinkedHashMap<>();

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
        if ((scope == Singleton.class || scope == ApplicationScoped.class) && !(key instanceof CandidateKey.Default)) {
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
                addPort(discovery, beans, port, declared, groupMembers(beans));
            }
        });
    }

    /** Each group a candidate names must be one bean of the container. */
    void checkGroups(@Observes AfterDeploymentValidation validation, BeanManager beans) {
        groups.values().forEach(type -> {
            Set<Bean<?>> found = beans.getBeans(type);
            if (found.size() != 1) {
                validation.addDeploymentProblem(new DefinitionException("a candidate is declared for the group "
                        + type.getName() + " but the container holds " + found.size() + " beans of that type; "
                        + "declare exactly one, so the members of the group are known"));
            }
        });
    }

    void disposePerTenantInstances(@Observes BeforeShutdown shutdown) {
        perTenant.destroyAll();
    }

    /** Each group's members, asked of its bean, which is looked up on the first question (after deployment). */
    private Map<String, TenantGroup> groupMembers(BeanManager beans) {
        Map<String, TenantGroup> members = new LinkedHashMap<>();
        groups.forEach((name, type) -> members.put(name, new LazyGroup(beans, type)));
        return members;
    }

    private static final class LazyGroup implements TenantGroup {
        private final BeanManager beans;
        private final Class<? extends TenantGroup> type;
        private volatile TenantGroup group;

        LazyGroup(BeanManager beans, Class<? extends TenantGroup> type) {
            this.beans = beans;
            this.type = type;
        }

        @Override
        public boolean contains(TenantId tenant) {
            TenantGroup found = group;
            if (found == null) {
                Bean<?> bean = beans.resolve(beans.getBeans(type));
                found = type.cast(beans.getReference(bean, type, beans.createCreationalContext(bean)));
                group = found;
            }
            return found.contains(tenant);
        }
    }

    private static <P> void addPort(AfterBeanDiscovery discovery, BeanManager beans, Class<P> port,
                                    List<Candidate> declared, Map<String, TenantGroup> groups) {
        Map<CandidateKey, Bean<?>> byKey = declared.stream()
                .collect(Collectors.toMap(Candidate::key, Candidate::bean));
        ContextualProvider.Builder<CandidateKey, Bean<?>> selection =
                ContextualProvider.<CandidateKey, Bean<?>>resolvedBy(MostSpecificCandidate.among(byKey.keySet(), groups))
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
        List<CandidateKey> groupKeys = byKey.keySet().stream().filter(key -> key instanceof CandidateKey.ForGroup).toList();
        if (groupKeys.size() > 1) {
            return Optional.of(port.getName() + " has candidates for " + groupKeys.size() + " groups (" + groupKeys.stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", ")) + "); a tenant in both would "
                    + "leave the choice to a guess, so a port has at most one group candidate");
        }
        if (!byKey.containsKey(new CandidateKey.Default())) {
            return Optional.of(port.getName() + " has candidates for " + byKey.keySet().stream().map(Object::toString)
                    .sorted().collect(Collectors.joining(", ")) + " but no @TenantDefault; declare what every other "
                    + "tenant gets, so no tenant is left to a guess");
        }
        return Optional.empty();
    }

    private List<CandidateKey> keysOf(Set<Annotation> qualifiers) {
        List<CandidateKey> keys = new ArrayList<>();
        for (Annotation qualifier : qualifiers) {
            switch (qualifier) {
                case ForTenant tenant -> keys.add(new CandidateKey.ForTenant(TenantId.of(tenant.value())));
                case ForTier tier -> keys.add(new CandidateKey.ForTier(tier.value()));
                case ForTenantGroup group -> {
                    synchronized (groups) {
                        groups.put(group.value().getName(), group.value());
                    }
                    keys.add(new CandidateKey.ForGroup(group.value().getName()));
                }
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
