package io.tenantry.kernel.policy;

import io.tenantry.kernel.context.TenantIdentity;
import io.tenantry.kernel.context.Tier;
import io.tenantry.kernel.policy.PolicyDecision.Reach;
import io.tenantry.kernel.testing.TwoTenants;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The whole decision procedure as a table. Columns: which rules exist, the caller's roles and tier, the
 * operation, whether we are inside the bypass, and the expected outcome (OWN, ALL or DENY).
 */
class PolicyEngineTest {

    @ParameterizedTest(name = "{0} | roles={1} tier={2} {3} bypass={4} -> {5}")
    @CsvSource(delimiter = '|', textBlock = """
            # no rules at all: everything within the own tenant, also inside a bypass
            none          | member       | free       | SELECT | false | OWN
            none          | member       | free       | DELETE | false | OWN
            none          | admin        | free       | SELECT | true  | OWN
            # delete needs owner: others are denied delete, everything else is open
            ownerDeletes  | member       | pro        | DELETE | false | DENY
            ownerDeletes  | member owner | pro        | DELETE | false | OWN
            ownerDeletes  | member       | pro        | SELECT | false | OWN
            ownerDeletes  | member       | pro        | UPDATE | false | OWN
            # deny wins over a matching allow
            denyFree      | member owner | free       | DELETE | false | DENY
            denyFree      | member owner | pro        | DELETE | false | OWN
            denyFree      | member       | free       | SELECT | false | OWN
            # default deny: only what an allow names
            defaultDeny   | member       | free       | SELECT | false | OWN
            defaultDeny   | member       | free       | INSERT | false | DENY
            defaultDeny   | member       | enterprise | INSERT | false | OWN
            defaultDeny   | guest        | free       | SELECT | false | DENY
            # skipFor reaches all tenants only inside the bypass
            skipAdmin     | admin        | pro        | SELECT | true  | ALL
            skipAdmin     | admin        | pro        | SELECT | false | OWN
            skipAdmin     | member       | pro        | SELECT | true  | OWN
            # a @BypassRls method runs only inside the bypass, whoever calls it
            bypassMethod  | admin        | pro        | SELECT | false | DENY
            bypassMethod  | admin        | pro        | SELECT | true  | ALL
            bypassMethod  | member       | free       | SELECT | true  | ALL
            """)
    void decides(String ruleSet, String roles, String tier, Operation operation, boolean inBypass, String expected) {
        TenantIdentity identity = new TenantIdentity(TwoTenants.A, Tier.valueOf(tier.toUpperCase()), "someone",
                Set.copyOf(Arrays.asList(roles.split(" "))));
        PolicyDecision decision = PolicyEngine.decide(rules(ruleSet), operation, identity, inBypass);
        assertEquals(expected, switch (decision) {
            case PolicyDecision.Allowed(Reach reach) -> reach == Reach.OWN_TENANT ? "OWN" : "ALL";
            case PolicyDecision.Denied denied -> "DENY";
        });
    }

    private static PolicyRules rules(String name) {
        PolicyRule ownerDeletes = new PolicyRule(Set.of(Operation.DELETE), Set.of("owner"), Set.of());
        return switch (name) {
            case "none" -> PolicyRules.NONE;
            case "ownerDeletes" -> new PolicyRules(Set.of(), false, List.of(ownerDeletes), List.of(), Optional.empty());
            case "denyFree" -> new PolicyRules(Set.of(), false, List.of(ownerDeletes),
                    List.of(new PolicyRule(Set.of(Operation.DELETE), Set.of(), Set.of(Tier.FREE))), Optional.empty());
            case "defaultDeny" -> new PolicyRules(Set.of(), true, List.of(
                    new PolicyRule(Set.of(Operation.SELECT), Set.of("member"), Set.of()),
                    new PolicyRule(Set.of(Operation.INSERT), Set.of(), Set.of(Tier.ENTERPRISE))), List.of(), Optional.empty());
            case "skipAdmin" -> new PolicyRules(Set.of("admin"), false, List.of(), List.of(), Optional.empty());
            case "bypassMethod" -> new PolicyRules(Set.of(), false, List.of(), List.of(), Optional.of("support"));
            default -> throw new IllegalArgumentException(name);
        };
    }
}
