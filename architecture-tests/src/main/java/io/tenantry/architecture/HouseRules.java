package io.tenantry.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.tenantry.kernel.audit.Bypass;
import io.tenantry.kernel.context.TenantContext;
import io.tenantry.kernel.context.TenantId;
import io.tenantry.kernel.context.TenantIdentity;
import io.tenantry.kernel.policy.BypassRls;
import io.tenantry.kernel.policy.TenantScoped;
import io.tenantry.kernel.resolution.ContextualProvider;
import io.tenantry.kernel.resolution.ResolutionStrategy;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The rules of the house that need no schema, each readable as a sentence with its reason and its remedy:
 * {@link #LAYERS} for Tenantry's own modules and {@link #TENANCY} for any code. {@link HouseRulesCheck} is the single
 * entry point that runs them with the SQL rules and reports every violation at once; docs/house-rules.md explains
 * each rule. No rule is frozen and none may pass by matching nothing (ArchUnit's failOnEmptyShould stays on).
 */
public final class HouseRules {

    private static final String[] JDK = {"java.."};
    private static final String CONTEXT_PACKAGE = "io.tenantry.kernel.context..";
    private static final String CONTEXT_KEYS = "io.tenantry.kernel.context.ContextKeys";

    // 1. Layers ------------------------------------------------------------------------------------------------

    public static final ArchRule KERNEL_IS_PURE_JDK = classes()
            .that().resideInAPackage("io.tenantry.kernel..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(concat(JDK, "io.tenantry.kernel.."))
            .because("the tenancy kernel is the contract every adapter implements; a framework inside it would leak "
                    + "into every module. Move framework code to an adapter and keep only a port here");

    public static final ArchRule DOMAIN_IS_PURE_JDK = classes()
            .that().resideInAPackage("io.tenantry.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(concat(JDK, "io.tenantry.domain.."))
            .because("the domain holds the business rules and must be testable without any framework. "
                    + "Keep records and plain Java here; put persistence and web concerns in adapters");

    public static final ArchRule APPLICATION_USES_ONLY_KERNEL_DOMAIN_AND_INJECT = classes()
            .that().resideInAPackage("io.tenantry.application..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(concat(JDK, "io.tenantry.application..",
                    "io.tenantry.kernel..", "io.tenantry.domain..", "jakarta.inject.."))
            .because("use cases must not know which database, cache or web framework serves them. "
                    + "Declare an out-port interface in application and implement it in an adapter");

    public static final ArchRule ADAPTERS_ARE_INDEPENDENT = slices()
            .matching("io.tenantry.adapters.(*)..")
            .should().notDependOnEachOther()
            .because("an adapter that calls another adapter couples two technologies behind the ports' back. "
                    + "Go through an application port; only bootstrap wires adapters together");

    public static final ArchRule ONLY_BOOTSTRAP_TOUCHES_WELD = noClasses()
            .that().resideOutsideOfPackage("io.tenantry.bootstrap..")
            .should().dependOnClassesThat().resideInAnyPackage("org.jboss.weld..", "jakarta.enterprise..")
            .because("the container is wiring, and wiring lives in bootstrap. Use plain constructors with "
                    + "jakarta.inject annotations and add producers in bootstrap's TenantryBeans");

    public static final ArchRule THE_WEB_REACHES_THE_APPLICATION_ONLY_THROUGH_IN_PORTS = noClasses()
            .that().resideInAPackage("io.tenantry.adapters.web..")
            .and(DescribedPredicate.describe("do not implement an out-port of the application", (JavaClass type) ->
                    type.getAllRawInterfaces().stream().noneMatch(port -> port.getPackageName()
                            .startsWith("io.tenantry.application"))))
            .should().dependOnClassesThat(DescribedPredicate.describe(
                    "are services, repositories or other out-ports of the application or the kernel",
                    HouseRules::isBehindTheInPorts))
            .because("a handler maps a use case to HTTP; protocols and rules live in the use case. Call an in-port "
                    + "(a <Verb><Noun>UseCase interface) with its command and map its outcome; bootstrap hands the "
                    + "routes their use cases");

    // 2. Tenant filter (the rules on SQL are SqlRules) ---------------------------------------------------------

    public static final ArchRule BYPASSES_ARE_JUSTIFIED = methods()
            .that().areAnnotatedWith(BypassRls.class)
            .should(haveANonBlankJustification())
            .because("the justification is written to the audit log with every cross-tenant call. "
                    + "Say in @BypassRls(justification = ...) why this method may cross tenants");

    public static final ArchRule REPOSITORIES_NEVER_TAKE_THE_TENANT_AS_A_PARAMETER = methods()
            .that().areDeclaredInClassesThat(areRepositories())
            .should(notTakeTheTenantAsAParameter())
            .because("a tenant passed as an argument can be forged by any caller. Take it from TenantContext "
                    + "(repositories bind it with @BindCurrentTenant) and remove the parameter");

    // 3. Audited bypass ----------------------------------------------------------------------------------------

    public static final ArchRule ONLY_BYPASS_ENTERS_THE_BYPASS_SCOPE = noClasses()
            .that().doNotBelongToAnyOf(Bypass.class)
            .should().callMethodWhere(target("callInBypass", TenantContext.class))
            .because("the bypass marker alone audits nothing. Run cross-tenant work with Bypass.call or Bypass.list");

    public static final ArchRule BYPASS_METHODS_ARE_CALLED_ONLY_THROUGH_BYPASS = methods()
            .that().areAnnotatedWith(BypassRls.class)
            .should(beCalledOnlyInsideBypassWorkOrByTheirAdapters())
            .because("cross-tenant reads must leave an audit event. Call a @BypassRls method only from the work "
                    + "lambda given to Bypass.call/list (for example bypass.list(request, () -> audit.newest(n)))");

    public static final ArchRule ONLY_THE_PERSISTENCE_ASSEMBLY_OPENS_THE_BYPASS_ROLE = noClasses()
            .that().doNotHaveSimpleName("PostgresPersistence").and().doNotHaveSimpleName("ConnectionRole")
            .and().doNotHaveSimpleName("PolicyEnforcement")
            .should().accessFieldWhere(DescribedPredicate.describe("the field is ConnectionRole.BYPASS", access ->
                    access.getTarget().getOwner().getSimpleName().equals("ConnectionRole")
                            && access.getTarget().getName().equals("BYPASS")))
            .because("connections of the bypass role are handed only to the audited bypass. "
                    + "Use the repositories PostgresPersistence builds instead of opening a bypass Jdbi");

    // 4. Contextual providers ----------------------------------------------------------------------------------

    public static final ArchRule TENANT_CONDITIONAL_PRODUCERS_ARE_NOT_SINGLETONS = methods()
            .that().areAnnotatedWith("jakarta.enterprise.inject.Produces")
            .should(notBeAProcessWideSingletonIfTheyResolveTheTenant())
            .because("a provider chosen by tenant or tier, cached once for the process, serves the first tenant's "
                    + "provider to everyone. Produce it per call (@Dependent) or cache it per tenant inside a "
                    + "ContextualProvider with ProviderScope.PER_TENANT");

    // 5. Context -------------------------------------------------------------------------------------------------

    public static final ArchRule CONTEXT_KEYS_LIVE_IN_ONE_CLASS = noFields()
            .that().areDeclaredInClassesThat().doNotHaveFullyQualifiedName(CONTEXT_KEYS)
            .should().haveRawType(ScopedValue.class)
            .because("every tenancy context key must be visible in one place. Declare it in the kernel's ContextKeys "
                    + "and expose it through TenantContext");

    public static final ArchRule NO_THREAD_LOCALS = noClasses()
            .should().dependOnClassesThat().belongToAnyOf(ThreadLocal.class, InheritableThreadLocal.class)
            .because("a ThreadLocal outlives its request on pooled and virtual threads and leaks one tenant into the "
                    + "next. Use TenantContext (a ScopedValue) and TenantContext.wrap for work on other threads");

    public static final ArchRule SCOPED_VALUES_ARE_BOUND_ONLY_BY_THE_KERNEL = noClasses()
            .that().resideOutsideOfPackage(CONTEXT_PACKAGE)
            .should().callMethodWhere(DescribedPredicate.describe("the target is ScopedValue.newInstance or where",
                    call -> call.getTarget().getOwner().isEquivalentTo(ScopedValue.class)
                            && List.of("newInstance", "where", "runWhere", "callWhere").contains(call.getTarget().getName())))
            .because("tenancy is bound only by TenantContext.run/call. Call those instead of binding a ScopedValue");

    // 6. Identity ------------------------------------------------------------------------------------------------

    public static final ArchRule TOKENS_ARE_NEVER_DECODED_WITHOUT_VERIFICATION = noClasses()
            .should().callMethodWhere(target("decode", com.auth0.jwt.JWT.class))
            .because("JWT.decode reads claims without checking the signature. Use TokenVerifier, which verifies the "
                    + "pinned algorithm, issuer, audience and expiry first");

    public static final ArchRule IDENTITIES_COME_FROM_VERIFIED_TOKENS = noClasses()
            .that().resideOutsideOfPackages("io.tenantry.adapters.web.auth..", "io.tenantry.bootstrap..", CONTEXT_PACKAGE)
            .should().callConstructor(TenantIdentity.class, TenantId.class, io.tenantry.kernel.context.Tier.class,
                    String.class, java.util.Set.class)
            .because("an identity is who the verified token says. Only TokenVerifier (and the bootstrap's demo data "
                    + "and token command) build TenantIdentity; everything else reads TenantContext");

    // 7. Caches and limits ---------------------------------------------------------------------------------------

    public static final ArchRule CACHES_AND_LIMITERS_ONLY_THROUGH_KERNEL_PORTS = noClasses()
            .that().resideOutsideOfPackage("io.tenantry.adapters.persistence.redis..")
            .and().areNotAssignableTo(io.tenantry.adapters.web.auth.TokenVerifier.class)
            .should().dependOnClassesThat().resideInAnyPackage("org.redisson..", "com.github.benmanes.caffeine..",
                    "javax.cache..", "org.ehcache..")
            .because("a raw cache map or script has no tenant in its keys. Use TenantCache with CacheKey and "
                    + "RateLimiter with RateLimitKey; Redis access belongs in the persistence adapter's redis package. "
                    + "The one exemption is TokenVerifier's memory of accepted tokens, keyed by the whole signed token "
                    + "that names its tenant");

    /** Tenantry's own modules: which layer may use what. They judge only classes under {@code io.tenantry}. */
    static final List<ArchRule> LAYER_RULES = List.of(
            KERNEL_IS_PURE_JDK, DOMAIN_IS_PURE_JDK, APPLICATION_USES_ONLY_KERNEL_DOMAIN_AND_INJECT,
            ADAPTERS_ARE_INDEPENDENT, ONLY_BOOTSTRAP_TOUCHES_WELD, THE_WEB_REACHES_THE_APPLICATION_ONLY_THROUGH_IN_PORTS);
    public static final ArchRule LAYERS = CompositeArchRule.of(LAYER_RULES).as("the layers of Tenantry's modules");

    /**
     * The tenancy rules that hold for any code, Tenantry's and a team's alike; the rules on SQL, which need the
     * schema, are {@link SqlRules}, and {@link HouseRulesCheck} runs everything together.
     */
    static final List<ArchRule> TENANCY_RULES = List.of(
            BYPASSES_ARE_JUSTIFIED, REPOSITORIES_NEVER_TAKE_THE_TENANT_AS_A_PARAMETER,
            ONLY_BYPASS_ENTERS_THE_BYPASS_SCOPE, BYPASS_METHODS_ARE_CALLED_ONLY_THROUGH_BYPASS,
            ONLY_THE_PERSISTENCE_ASSEMBLY_OPENS_THE_BYPASS_ROLE, TENANT_CONDITIONAL_PRODUCERS_ARE_NOT_SINGLETONS,
            CONTEXT_KEYS_LIVE_IN_ONE_CLASS, NO_THREAD_LOCALS, SCOPED_VALUES_ARE_BOUND_ONLY_BY_THE_KERNEL,
            TOKENS_ARE_NEVER_DECODED_WITHOUT_VERIFICATION, IDENTITIES_COME_FROM_VERIFIED_TOKENS,
            CACHES_AND_LIMITERS_ONLY_THROUGH_KERNEL_PORTS);
    public static final ArchRule TENANCY = CompositeArchRule.of(TENANCY_RULES).as("the tenancy rules");

    private HouseRules() {
    }

    /**
     * An application type the web may not see: anything but an in-port ({@code ...UseCase}), the holders and the
     * nested outcomes of in-ports, and values (records, enums, exceptions).
     */
    private static boolean isBehindTheInPorts(JavaClass type) {
        if (type.getPackageName().startsWith("io.tenantry.kernel")) {
            return isKernelPortOrService(type);
        }
        if (!type.getPackageName().startsWith("io.tenantry.application")) {
            return false;
        }
        JavaClass outermost = type;
        while (outermost.getEnclosingClass().isPresent()) {
            outermost = outermost.getEnclosingClass().get();
            if (isInPort(outermost)) {
                return false;
            }
        }
        boolean value = type.isRecord() || type.isEnum() || type.isAssignableTo(Throwable.class)
                || (type.isInterface() && type.reflect().isSealed());
        return !value && !isInPort(type);
    }

    /**
     * The kernel's ports and services (its open interfaces, such as {@code RateLimiter} or {@code ObjectStorage}, and
     * {@code Bypass}), as opposed to its values and outcomes (records, enums, sealed interfaces, exceptions) and the
     * tenant context the web binds.
     */
    private static boolean isKernelPortOrService(JavaClass type) {
        if (type.isEquivalentTo(Bypass.class)) {
            return true;
        }
        return type.isInterface() && !type.reflect().isSealed() && !type.getPackageName().startsWith("io.tenantry.kernel.context");
    }

    private static boolean isInPort(JavaClass type) {
        return (type.isInterface() && type.getSimpleName().endsWith("UseCase")) || type.getSimpleName().endsWith("UseCases");
    }

    private static DescribedPredicate<JavaAccess<?>> target(String name, Class<?> owner) {
        return DescribedPredicate.describe("the target is " + owner.getSimpleName() + "." + name,
                access -> access.getTarget().getOwner().isEquivalentTo(owner) && access.getTarget().getName().equals(name));
    }

    private static ArchCondition<JavaMethod> haveANonBlankJustification() {
        return new ArchCondition<>("have a non-blank justification") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                JavaAnnotation<JavaMethod> bypass = method.getAnnotationOfType(BypassRls.class.getName());
                String justification = String.valueOf(bypass.get("justification").orElse(""));
                if (justification.isBlank()) {
                    events.add(SimpleConditionEvent.violated(method, method.getFullName() + " is @BypassRls with a blank justification"));
                }
            }
        };
    }

    private static DescribedPredicate<JavaClass> areRepositories() {
        return DescribedPredicate.describe("are repositories (SQL objects or repository ports and their adapters)",
                type -> type.getMethods().stream().anyMatch(SqlMethods.ARE_SQL_METHODS)
                        || isRepositoryPort(type)
                        || type.getAllRawInterfaces().stream().anyMatch(HouseRules::isRepositoryPort));
    }

    /** An interface of the code under check (not of a library) named as a repository port is named. */
    private static boolean isRepositoryPort(JavaClass type) {
        return type.isInterface() && type.getSource().isPresent() && !type.getPackageName().startsWith("java")
                && (type.getSimpleName().endsWith("Repository") || type.getSimpleName().endsWith("Directory")
                || type.getSimpleName().endsWith("Store"));
    }

    private static ArchCondition<JavaMethod> notTakeTheTenantAsAParameter() {
        return new ArchCondition<>("not take the tenant as a parameter (audited @BypassRls methods aside)") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                if (isBypass(method)) {
                    return;
                }
                for (JavaParameter parameter : method.getParameters()) {
                    boolean tenantType = parameter.getRawType().isEquivalentTo(TenantId.class);
                    boolean boundAsTenant = parameter.getAnnotations().stream().anyMatch(annotation ->
                            annotation.getRawType().getName().equals("org.jdbi.v3.sqlobject.customizer.Bind")
                                    && TenantScoped.BINDING.equals(annotation.get("value").orElse(null)));
                    boolean namedAsTenant = method.reflect().getParameters()[parameter.getIndex()].getName()
                            .equals(TenantScoped.BINDING);
                    if (tenantType || boundAsTenant || namedAsTenant) {
                        events.add(SimpleConditionEvent.violated(method, method.getFullName() + " takes the tenant as parameter "
                                + parameter.getIndex()));
                    }
                }
            }
        };
    }

    private static ArchCondition<JavaMethod> beCalledOnlyInsideBypassWorkOrByTheirAdapters() {
        return new ArchCondition<>("be called only inside work given to Bypass, or by the adapters implementing them") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                for (var call : method.getCallsOfSelf()) {
                    JavaCodeUnit origin = call.getOrigin();
                    JavaClass caller = origin.getOwner();
                    boolean adapter = caller.getPackageName().startsWith("io.tenantry.adapters.persistence") && isBypass(origin);
                    boolean insideBypassWork = handsWorkToBypass(origin);
                    if (!adapter && !insideBypassWork) {
                        events.add(SimpleConditionEvent.violated(method, caller.getName() + "." + origin.getName()
                                + " calls @BypassRls " + method.getFullName() + " outside work given to Bypass ("
                                + call.getSourceCodeLocation() + ")"));
                    }
                }
            }
        };
    }

    /** ArchUnit counts a lambda's calls as its enclosing method's: the caller must itself hand work to Bypass. */
    private static boolean handsWorkToBypass(JavaCodeUnit origin) {
        return origin.getMethodCallsFromSelf().stream().anyMatch(call -> call.getTargetOwner().isEquivalentTo(Bypass.class)
                && List.of("call", "list").contains(call.getName()));
    }

    /** Annotated @BypassRls itself, or implementing an interface method that is. */
    private static boolean isBypass(JavaCodeUnit method) {
        if (method.isAnnotatedWith(BypassRls.class)) {
            return true;
        }
        return method instanceof JavaMethod && method.getOwner().getAllRawInterfaces().stream()
                .flatMap(port -> port.getMethods().stream())
                .anyMatch(declared -> declared.getName().equals(method.getName())
                        && declared.getRawParameterTypes().equals(method.getRawParameterTypes())
                        && declared.isAnnotatedWith(BypassRls.class));
    }

    private static ArchCondition<JavaMethod> notBeAProcessWideSingletonIfTheyResolveTheTenant() {
        return new ArchCondition<>("not be a process-wide singleton if they resolve the tenant") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                // building a ContextualProvider is fine as a singleton (it resolves per call); resolving is not
                boolean resolvesTenant = method.getMethodCallsFromSelf().stream().anyMatch(call ->
                        (call.getTargetOwner().isEquivalentTo(ContextualProvider.class)
                                && List.of("get", "getFor").contains(call.getName()))
                                || call.getTargetOwner().isEquivalentTo(TenantContext.class)
                                || (call.getTargetOwner().isAssignableTo(ResolutionStrategy.class)
                                && call.getName().equals("resolve")));
                boolean singleton = method.isAnnotatedWith("jakarta.inject.Singleton")
                        || method.isAnnotatedWith("jakarta.enterprise.context.ApplicationScoped");
                if (resolvesTenant && singleton) {
                    events.add(SimpleConditionEvent.violated(method, method.getFullName()
                            + " resolves a tenant- or tier-specific instance but is a process-wide singleton"));
                }
            }
        };
    }

    private static String[] concat(String[] base, String... more) {
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}
