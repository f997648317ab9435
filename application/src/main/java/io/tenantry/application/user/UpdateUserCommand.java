package io.tenantry.application.user;

import io.tenantry.domain.user.Email;
import io.tenantry.domain.user.UserId;

import java.util.Objects;
import java.util.Optional;

/** Changes to a user; absent fields stay as they are. */
public record UpdateUserCommand(UserId id, Optional<Email> email, Optional<String> name) {

    public UpdateUserCommand {
        Objects.requireNonNull(id, "'id' must not be null");
        Objects.requireNonNull(email, "'email' must not be null");
        Objects.requireNonNull(name, "'name' must not be null");
    }
}
