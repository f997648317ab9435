package io.tenantry.kernel.storage;

import io.tenantry.kernel.context.MissingTenantContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.tenantry.kernel.testing.TwoTenants.MEMBER_A;
import static io.tenantry.kernel.testing.TwoTenants.MEMBER_B;
import static io.tenantry.kernel.testing.TwoTenants.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ObjectKeyTest {

    @ParameterizedTest
    @ValueSource(strings = {"report.pdf", "a", "...", "x-1_2.tar.gz", ".hidden"})
    void aValidNameLivesUnderTheTenantsFolder(String name) {
        ObjectKey key = as(MEMBER_A, () -> ObjectKey.of(name));
        assertEquals("tenants/tenant-a/" + name, key.path());
        assertEquals(name, key.name());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "../b/x", "..\\b", "a/b", "/etc/passwd", "a\\b", "nul\u0000byte",
            "spa ce", "ümlaut", "%2e%2e", "tenants/tenant-b/x"})
    void traversalAndOddNamesAreRefused(String name) {
        assertThrows(InvalidObjectName.class, () -> as(MEMBER_A, () -> ObjectKey.of(name)));
    }

    @Test
    void overLongNamesAreRefusedAndTheLimitIsAccepted() {
        String limit = "x".repeat(128);
        assertEquals(limit, as(MEMBER_A, () -> ObjectKey.of(limit)).name());
        assertThrows(InvalidObjectName.class, () -> as(MEMBER_A, () -> ObjectKey.of(limit + "x")));
        assertThrows(InvalidObjectName.class, () -> as(MEMBER_A, () -> ObjectKey.of(null)));
    }

    @Test
    void theSameNameInTwoTenantsIsTwoObjects() {
        ObjectKey a = as(MEMBER_A, () -> ObjectKey.of("logo.png"));
        ObjectKey b = as(MEMBER_B, () -> ObjectKey.of("logo.png"));
        assertNotEquals(a, b);
        assertEquals("tenants/tenant-b/logo.png", b.path());
        assertEquals("tenants/tenant-b/", as(MEMBER_B, ObjectKey::currentTenantPrefix));
    }

    @Test
    void aKeyCannotBeMadeWithoutATenant() {
        assertThrows(MissingTenantContext.class, () -> ObjectKey.of("logo.png"));
    }
}
