package io.tenantry.application.user;

import io.tenantry.domain.user.User;
import io.tenantry.domain.user.UserId;

import java.util.Optional;

/** The in-ports for the current tenant's users, implemented by {@link UserService}. */
public final class UserUseCases {

    private UserUseCases() {
    }

    public interface RegisterUserUseCase {
        UserOutcome register(RegisterUserCommand command);
    }

    public interface GetUserUseCase {
        Optional<User> get(UserId id);
    }

    public interface UpdateUserUseCase {
        UserOutcome update(UpdateUserCommand command);
    }

    /** What a registration or an update came to. */
    public sealed interface UserOutcome {
        record Saved(User user) implements UserOutcome {
        }

        record NotFound() implements UserOutcome {
        }

        record EmailTaken() implements UserOutcome {
        }
    }
}
