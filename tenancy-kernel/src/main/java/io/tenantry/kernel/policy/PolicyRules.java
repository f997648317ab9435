package io.tenantry.kernel.policy;

import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The policy annotations that govern one repository method, collected from the method, its type and the type's
 * super-interfaces (annotations on interfaces are not inherited by Java itself). Read once per method and cached
 * by the adapter; deciding is then a pure function in {@link PolicyEngine}.
 */
public record PolicyRules(
        Set<String> skipFor,
        boolean defaultDeny,
        List<PolicyRule> allows,
        List<PolicyRule> denies,
        Optional<String> bypassJustification) {

    /** No annotations at all: every operation is allowed within the own tenant. */
    public static final PolicyRules NONE = new PolicyRules(Set.of(), false, List.of(), List.of(), Optional.empty());

    public PolicyRules {
        skipFor = Set.copyOf(skipFor);
        allows = List.copyOf(allows);
        denies = List.copyOf(denies);
        Objects.requireNonNull(bypassJustification, "'bypassJustification' must not be null");
        bypassJustification.ifPresent(justification -> {
            if (justification.isBlank()) {
                throw new IllegalArgumentException("@BypassRls needs a non-blank justification");
            }
        });
    }

    /** Reads the rules that apply to {@code method} when called on {@code repository}. */
    public static PolicyRules of(Class<?> repository, Method method) {
        Set<String> skipFor = new HashSet<>();
        boolean defaultDeny = false;
        List<PolicyRule> allows = new ArrayList<>();
        List<PolicyRule> denies = new ArrayList<>();
        for (Class<?> type : typeHierarchy(repository)) {
            Policy policy = type.getDeclaredAnnotation(Policy.class);
            if (policy != null) {
                skipFor.addAll(List.of(policy.skipFor()));
                defaultDeny |= policy.defaultDeny();
            }
            for (Allow allow : type.getDeclaredAnnotationsByType(Allow.class)) {
                allows.add(PolicyRule.of(allow));
            }
            for (Deny deny : type.getDeclaredAnnotationsByType(Deny.class)) {
                denies.add(PolicyRule.of(deny));
            }
        }
        for (Allow allow : method.getAnnotationsByType(Allow.class)) {
            allows.add(PolicyRule.of(allow));
        }
        for (Deny deny : method.getAnnotationsByType(Deny.class)) {
            denies.add(PolicyRule.of(deny));
        }
        Optional<String> justification = Optional.ofNullable(method.getAnnotation(BypassRls.class))
                .map(BypassRls::justification);
        return new PolicyRules(skipFor, defaultDeny, allows, denies, justification);
    }

    private static Set<Class<?>> typeHierarchy(Class<?> start) {
        Set<Class<?>> seen = new LinkedHashSet<>();
        Deque<Class<?>> pending = new ArrayDeque<>();
        pending.add(start);
        while (!pending.isEmpty()) {
            Class<?> type = pending.poll();
            if (type == Object.class || !seen.add(type)) {
                continue;
            }
            if (type.getSuperclass() != null) {
                pending.add(type.getSuperclass());
            }
            pending.addAll(List.of(type.getInterfaces()));
        }
        return seen;
    }
}
