package io.tenantry.application.user;

import io.tenantry.domain.user.Email;

import java.util.Objects;

/** A new user's details; the e-mail is validated on construction, the name by the domain. */
public record RegisterUserCommand(Email email, String name) {

    public RegisterUserCommand {
        Objects.requireNonNull(email, "'email' must not be null");
        Objects.requireNonNull(name, "'name' must not be null");
    }
}
