package io.tenantry.application.user;

import io.tenantry.domain.user.User;
import io.tenantry.domain.user.UserId;

import java.util.Optional;

/** The current tenant's users; an e-mail address is unique within the tenant only. */
public interface UserRepository {

    void add(User user) throws EmailAlreadyUsed;

    Optional<User> find(UserId id);

    /** Stores {@code user}'s e-mail and name; false when there is no such user. */
    boolean update(User user) throws EmailAlreadyUsed;

    /** Another user of the same tenant already has the address. */
    final class EmailAlreadyUsed extends Exception {
        public EmailAlreadyUsed() {
            super("this e-mail address is already used in this tenant");
        }
    }
}
