package io.tenantry.kernel.policy;

import io.tenantry.kernel.context.Tier;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.tenantry.kernel.testing.TwoTenants.MEMBER_A;
import static io.tenantry.kernel.testing.TwoTenants.OWNER_A;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolicyRulesTest {

    @Policy(skipFor = "admin")
    @Allow(operations = Operation.DELETE, roles = "owner")
    interface BaseRepository {
    }

    @TenantScoped
    @Deny(operations = Operation.INSERT, tiers = Tier.FREE)
    interface ThingRepository extends BaseRepository {

        void delete();

        @Allow(operations = Operation.UPDATE, roles = "editor")
        @Allow(operations = Operation.UPDATE, roles = "owner")
        void update();

        @BypassRls(justification = "platform reporting")
        void all();

        @BypassRls(justification = "  ")
        void unjustified();
    }

    @Test
    void readsRulesFromTheMethodItsTypeAndItsSuperInterfaces() throws Exception {
        PolicyRules rules = PolicyRules.of(ThingRepository.class, ThingRepository.class.getMethod("delete"));
        assertEquals(Set.of("admin"), rules.skipFor());
        assertEquals(List.of(new PolicyRule(Set.of(Operation.DELETE), Set.of("owner"), Set.of())), rules.allows());
        assertEquals(List.of(new PolicyRule(Set.of(Operation.INSERT), Set.of(), Set.of(Tier.FREE))), rules.denies());
        assertEquals(Optional.empty(), rules.bypassJustification());

        assertFalse(PolicyEngine.decide(rules, Operation.DELETE, MEMBER_A, false).allowed());
        assertTrue(PolicyEngine.decide(rules, Operation.DELETE, OWNER_A, false).allowed());
    }

    @Test
    void readsRepeatedAllowsOnAMethod() throws Exception {
        PolicyRules rules = PolicyRules.of(ThingRepository.class, ThingRepository.class.getMethod("update"));
        assertEquals(3, rules.allows().size());
    }

    @Test
    void readsTheBypassJustification() throws Exception {
        PolicyRules rules = PolicyRules.of(ThingRepository.class, ThingRepository.class.getMethod("all"));
        assertEquals(Optional.of("platform reporting"), rules.bypassJustification());
    }

    @Test
    void refusesABlankJustification() throws Exception {
        var method = ThingRepository.class.getMethod("unjustified");
        assertThrows(IllegalArgumentException.class, () -> PolicyRules.of(ThingRepository.class, method));
    }

    @Test
    void deniedDecisionsThrowAccessDenied() {
        PolicyDecision denied = new PolicyDecision.Denied("no");
        AccessDenied error = assertThrows(AccessDenied.class, denied::orThrow);
        assertEquals("no", error.getMessage());
        assertEquals(PolicyDecision.Reach.OWN_TENANT, new PolicyDecision.Allowed(PolicyDecision.Reach.OWN_TENANT).orThrow());
    }

    @Test
    void operationsAreReadFromSqlText() {
        assertEquals(Optional.of(Operation.SELECT), Operation.ofSql("  select * from orders"));
        assertEquals(Optional.of(Operation.INSERT), Operation.ofSql("INSERT INTO orders VALUES (1)"));
        assertEquals(Optional.of(Operation.UPDATE), Operation.ofSql("update orders set x = 1"));
        assertEquals(Optional.of(Operation.DELETE), Operation.ofSql("DELETE FROM orders"));
        assertEquals(Optional.of(Operation.DELETE), Operation.ofSql("WITH gone AS (DELETE FROM orders RETURNING id) SELECT count(*) FROM gone"));
        assertEquals(Optional.of(Operation.SELECT), Operation.ofSql("WITH x AS (SELECT 1) SELECT * FROM x"));
        assertEquals(Optional.empty(), Operation.ofSql("TRUNCATE orders"));
    }
}
