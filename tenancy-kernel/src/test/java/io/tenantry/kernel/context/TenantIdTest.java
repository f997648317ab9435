package io.tenantry.kernel.context;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TenantIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"ab", "acme", "tenant-a", "0day", "a-", "a1234567890123456789012345678901234567890123456789012345678901z"})
    void acceptsSlugs(String slug) {
        assertEquals(slug, TenantId.of(slug).value());
        assertTrue(TenantId.isValid(slug));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "-ab", "Acme", "ac me", "a:b", "a/b", "a_b", "../x", "acme\n", "é-tenant",
            "a12345678901234567890123456789012345678901234567890123456789012zz"})
    void refusesAnythingElse(String slug) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> TenantId.of(slug));
        assertTrue(error.getMessage().startsWith("'tenantId' must match"), error.getMessage());
        assertFalse(TenantId.isValid(slug));
    }

    @Test
    void refusesNull() {
        assertThrows(NullPointerException.class, () -> TenantId.of(null));
        assertFalse(TenantId.isValid(null));
    }

    @Test
    void errorMessageDoesNotEchoControlCharacters() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> TenantId.of("x\u0000\r\ny"));
        assertFalse(error.getMessage().contains("\n"));
    }

    @Test
    void tierParsesOnlyExactWireNames() {
        assertEquals(Tier.PRO, Tier.fromWireName("pro").orElseThrow());
        assertTrue(Tier.fromWireName("PRO").isEmpty());
        assertTrue(Tier.fromWireName("gold").isEmpty());
        assertTrue(Tier.fromWireName(null).isEmpty());
    }
}
