package io.tenantry.adapters.persistence.postgres;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerVersionTest {

    @ParameterizedTest
    @ValueSource(ints = {170000, 170005, 160009, 150008, 150013, 140018, 130021, 120022, 110000, 90624})
    void serversWithoutBothRlsFixesAreNamed(int number) {
        ServerVersion version = new ServerVersion(number);
        assertTrue(version.missingRlsFixes().orElseThrow().contains("CVE-2024-10976"), version.toString());
    }

    @ParameterizedTest
    @ValueSource(ints = {170006, 170011, 160010, 150014, 150019, 140019, 130022, 180000, 190001})
    void serversWithBothFixesPass(int number) {
        assertTrue(new ServerVersion(number).missingRlsFixes().isEmpty(), new ServerVersion(number).toString());
    }
}
