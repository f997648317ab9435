package io.tenantry.kernel.cache;

import io.tenantry.kernel.audit.Bypass;
import io.tenantry.kernel.audit.BypassRequest;
import io.tenantry.kernel.context.MissingTenantContext;
import io.tenantry.kernel.context.TenantId;
import io.tenantry.kernel.context.Tier;
import io.tenantry.kernel.testing.TwoTenants;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

import static io.tenantry.kernel.testing.TwoTenants.MEMBER_A;
import static io.tenantry.kernel.testing.TwoTenants.MEMBER_B;
import static io.tenantry.kernel.testing.TwoTenants.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CacheKeyTest {

    @Test
    void aKeyCarriesTheCurrentTenantAsItsPrefix() {
        CacheKey key = as(MEMBER_A, () -> CacheKey.of("user", "42"));
        assertEquals("tenant:tenant-a:user:42", key.value());
        assertEquals(TwoTenants.A, key.tenant());
    }

    @Test
    void theSameKeyInTwoTenantsIsTwoKeys() {
        CacheKey a = as(MEMBER_A, () -> CacheKey.of("user", "42"));
        CacheKey b = as(MEMBER_B, () -> CacheKey.of("user", "42"));
        assertNotEquals(a, b);
        assertNotEquals(a.value(), b.value());
        assertEquals(a, as(MEMBER_A, () -> CacheKey.of("user", "42")));
    }

    @Test
    void aKeyCannotBeMadeWithoutATenant() {
        assertThrows(MissingTenantContext.class, () -> CacheKey.of("user", "42"));
        assertThrows(MissingTenantContext.class, () -> CacheTag.of("user", "42"));
    }

    @Test
    void separatorsInsidePartsCannotForgeAnotherTenantsOrAnotherPartsKey() {
        var tenantA = TwoTenants.identity(TenantId.of("a1"), Tier.FREE, "u", "member");
        var tenantAB = TwoTenants.identity(TenantId.of("a1-b"), Tier.FREE, "u", "member");
        Set<String> encoded = new HashSet<>();
        encoded.add(as(tenantA, () -> CacheKey.of("ns", "b:c")).value());
        encoded.add(as(tenantA, () -> CacheKey.of("ns", "b", "c")).value());
        encoded.add(as(tenantA, () -> CacheKey.of("ns:b", "c")).value());
        encoded.add(as(tenantA, () -> CacheKey.of("ns", "b%3Ac")).value());
        encoded.add(as(tenantA, () -> CacheKey.of("ns", "b%c")).value());
        encoded.add(as(tenantAB, () -> CacheKey.of("ns", "c")).value());
        encoded.add(as(tenantA, () -> CacheKey.of("ns", "")).value());
        encoded.add(as(tenantA, () -> CacheKey.of("ns")).value());
        assertEquals(8, encoded.size(), "every distinct (tenant, namespace, parts) must encode differently: " + encoded);
        assertTrue(encoded.contains("tenant:a1:ns:b%3Ac"));
        assertTrue(encoded.contains("tenant:a1:ns:b%253Ac"));
    }

    @Test
    void tagsAndKeysNeverCollide() {
        CacheKey key = as(MEMBER_A, () -> CacheKey.of("user", "1"));
        CacheTag tag = as(MEMBER_A, () -> CacheTag.of("user", "1"));
        assertNotEquals(key.value(), tag.value());
        assertEquals("tag:tenant:tenant-a:user:1", tag.value());
    }

    @Test
    void bypassCodeCannotBuildTenantCacheKeys() {
        Bypass bypass = new Bypass(new io.tenantry.kernel.audit.BypassTransaction() {
            @Override
            public <T> T atomically(java.util.function.Function<io.tenantry.kernel.audit.AuditLog, T> work) {
                return work.apply(new NoAudit());
            }
        }, Clock.systemUTC());
        BypassRequest request = new BypassRequest("admin.orders.list", "all-tenants", "support");
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> as(TwoTenants.ADMIN, () -> bypass.call(request, () -> CacheKey.of("orders", "all"), k -> 1)));
        assertTrue(error.getMessage().contains("bypass"), error.getMessage());
        assertEquals("tenant:platform:orders:all", as(TwoTenants.ADMIN, () -> CacheKey.of("orders", "all")).value());
    }

    @Test
    void aNamespaceIsRequired() {
        assertThrows(IllegalArgumentException.class, () -> as(MEMBER_A, () -> CacheKey.of("")));
    }

    private static final class NoAudit implements io.tenantry.kernel.audit.AuditLog {
        @Override
        public void record(io.tenantry.kernel.audit.AuditEvent event) {
        }

        @Override
        public java.util.List<io.tenantry.kernel.audit.AuditEvent> newest(int limit) {
            return java.util.List.of();
        }
    }
}
