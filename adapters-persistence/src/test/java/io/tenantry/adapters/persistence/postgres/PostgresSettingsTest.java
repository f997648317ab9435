package io.tenantry.adapters.persistence.postgres;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PostgresSettingsTest {

    private static final PostgresSettings.Login MIGRATOR = new PostgresSettings.Login("owner", "");
    private static final PostgresSettings.Login APP = new PostgresSettings.Login("app", "");

    @Test
    void theBypassRoleMayNotBeTheMigratorThatOwnsTheSchema() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> new PostgresSettings(
                "jdbc:postgresql://db/x", MIGRATOR, APP, MIGRATOR, 4, 1, false));
        assertTrue(refused.getMessage().contains("bypass role must differ from the migrator"), refused.getMessage());
        assertDoesNotThrow(() -> new PostgresSettings("jdbc:postgresql://db/x", MIGRATOR, APP,
                new PostgresSettings.Login("bypass", ""), 4, 1, false));
    }

    @Test
    void theCheckoutDeadlineHasAFloor() {
        PostgresSettings.Login bypass = new PostgresSettings.Login("bypass", "");
        assertThrows(IllegalArgumentException.class, () -> new PostgresSettings("jdbc:postgresql://db/x", MIGRATOR, APP,
                bypass, 4, 1, false, Duration.ofMillis(100)));
        assertDoesNotThrow(() -> new PostgresSettings("jdbc:postgresql://db/x", MIGRATOR, APP, bypass, 4, 1, false,
                Duration.ofMillis(250)));
    }
}
