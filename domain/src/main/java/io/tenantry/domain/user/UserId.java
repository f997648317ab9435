package io.tenantry.domain.user;

import java.util.Objects;
import java.util.UUID;

/** The server-generated id of a user. */
public record UserId(UUID value) {

    public UserId {
        Objects.requireNonNull(value, "'userId' must not be null");
    }

    public static UserId random() {
        return new UserId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
