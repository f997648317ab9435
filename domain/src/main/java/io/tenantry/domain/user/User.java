package io.tenantry.domain.user;

import java.time.Instant;
import java.util.Objects;

/** A user of one tenant; the e-mail address is unique within that tenant only. */
public record User(UserId id, Email email, String name, Instant createdAt) {

    public static final int MAX_NAME_LENGTH = 200;

    public User {
        Objects.requireNonNull(id, "'id' must not be null");
        Objects.requireNonNull(email, "'email' must not be null");
        Objects.requireNonNull(createdAt, "'createdAt' must not be null");
        name = requireName(name);
    }

    /** This user with other details; the id and creation time never change. */
    public User withDetails(Email newEmail, String newName) {
        return new User(id, newEmail, newName, createdAt);
    }

    private static String requireName(String name) {
        Objects.requireNonNull(name, "'name' must not be null");
        String trimmed = name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("'name' must be 1.." + MAX_NAME_LENGTH + " characters");
        }
        return trimmed;
    }
}
