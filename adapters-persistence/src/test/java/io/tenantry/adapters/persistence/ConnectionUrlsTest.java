package io.tenantry.adapters.persistence;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ConnectionUrlsTest {

    @Test
    void passwordsInTheUserPartAndInParametersAreMasked() {
        assertEquals("jdbc:postgresql://db:5432/t?user=m&password=****&ssl=true",
                ConnectionUrls.redacted("jdbc:postgresql://db:5432/t?user=m&password=hunter2&ssl=true"));
        assertEquals("redis://:****@cache:6379", ConnectionUrls.redacted("redis://:hunter2@cache:6379"));
        assertEquals("redis://default:****@cache:6379", ConnectionUrls.redacted("redis://default:p@ss@cache:6379"));
        assertEquals("acme=jdbc:postgresql://db/acme?PASSWORD=****,globex=jdbc:postgresql://u:****@db/globex",
                ConnectionUrls.redacted("acme=jdbc:postgresql://db/acme?PASSWORD=x,globex=jdbc:postgresql://u:y@db/globex"));
        assertEquals("https://store/b?X-Amz-Signature=****", ConnectionUrls.redacted("https://store/b?X-Amz-Signature=abc"));
    }

    @Test
    void aUrlWithoutSecretsIsUnchanged() {
        assertEquals("jdbc:postgresql://db:5432/tenantry?ssl=true", ConnectionUrls.redacted("jdbc:postgresql://db:5432/tenantry?ssl=true"));
        assertEquals("redis://user@cache:6379", ConnectionUrls.redacted("redis://user@cache:6379"));
    }
}
