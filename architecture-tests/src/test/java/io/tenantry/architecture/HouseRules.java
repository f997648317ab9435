package io.tenantry.architecture;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * Every rule of the house, each readable as a sentence with its reason and its remedy. {@link #ALL} is the single
 * entry point that reports every violation at once; docs/house-rules.md explains each rule.
 */
public final class HouseRules {

    /** Packages of the JDK a pure module may use. */
    private static final String[] JDK = {"java..", "javax.annotation.processing.."};

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

    public static final ArchRule ALL = CompositeArchRule
            .of(List.of(KERNEL_IS_PURE_JDK, DOMAIN_IS_PURE_JDK))
            .as("the rules of the house");

    private HouseRules() {
    }

    private static String[] concat(String[] base, String... more) {
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}
