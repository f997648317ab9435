package io.tenantry.bootstrap;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the command line prints and how it ends. */
class MainTest {

    private static final Pattern TOKEN = Pattern.compile("eyJ[\\w-]+\\.[\\w-]+\\.[\\w-]+");

    private static String welcome(Map<String, String> settings) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Main.printWelcome(new PrintStream(bytes, true, StandardCharsets.UTF_8), TenantryConfig.load(new ConfigSource(settings)), 8080);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theEmbeddedDefaultsPrintDemoTokens() {
        String printed = welcome(Map.of());
        assertTrue(printed.contains("Demo tokens (valid 12 hours)"), printed);
        assertTrue(TOKEN.matcher(printed).find(), printed);
    }

    @Test
    void demoDataOnAConfiguredDatabasePrintsNoTokens() {
        String printed = welcome(Map.of("TENANTRY_DB_URL", "jdbc:postgresql://db/x", "TENANTRY_DEMO", "true",
                "TENANTRY_JWT_SECRET", "a-configured-secret-of-32-bytes-at-least"));
        assertTrue(printed.contains("Tenantry is serving at http://127.0.0.1:8080"), printed);
        assertFalse(TOKEN.matcher(printed).find(), printed);
        assertFalse(printed.contains("Demo tokens"), printed);
    }
}
