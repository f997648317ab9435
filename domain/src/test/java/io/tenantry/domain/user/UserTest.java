package io.tenantry.domain.user;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UserTest {

    @Test
    void emailsAreNormalisedToLowerCase() {
        assertEquals("ann@example.com", new Email("  Ann@Example.COM ").value());
        assertEquals(new Email("ann@example.com"), new Email("ANN@example.com"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ann", "ann@", "@example.com", "ann@example", "a n@example.com", "ann@@example.com",
            "ann@example..com"})
    void malformedEmailsAreRefused(String email) {
        assertThrows(IllegalArgumentException.class, () -> new Email(email));
    }

    @Test
    void overlongEmailsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Email("a@" + "b".repeat(250) + ".com"));
    }

    @Test
    void aUserNeedsAName() {
        Email email = new Email("ann@example.com");
        assertThrows(IllegalArgumentException.class, () -> new User(UserId.random(), email, " ", Instant.EPOCH));
        assertThrows(IllegalArgumentException.class, () -> new User(UserId.random(), email, "x".repeat(201), Instant.EPOCH));
        assertEquals("Ann", new User(UserId.random(), email, " Ann ", Instant.EPOCH).name());
    }

    @Test
    void changingDetailsKeepsIdAndCreationTime() {
        User user = new User(UserId.random(), new Email("ann@example.com"), "Ann", Instant.EPOCH);
        User changed = user.withDetails(new Email("ann@example.org"), "Annie");
        assertEquals(user.id(), changed.id());
        assertEquals(Instant.EPOCH, changed.createdAt());
        assertEquals("Annie", changed.name());
        assertEquals("ann@example.org", changed.email().value());
    }
}
