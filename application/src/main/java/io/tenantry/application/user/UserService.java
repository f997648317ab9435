package io.tenantry.application.user;

import io.tenantry.application.user.UserRepository.EmailAlreadyUsed;
import io.tenantry.application.user.UserUseCases.GetUserUseCase;
import io.tenantry.application.user.UserUseCases.RegisterUserUseCase;
import io.tenantry.application.user.UserUseCases.UpdateUserUseCase;
import io.tenantry.application.user.UserUseCases.UserOutcome;
import io.tenantry.domain.user.User;
import io.tenantry.domain.user.UserId;
import io.tenantry.kernel.cache.CacheKey;
import io.tenantry.kernel.cache.CacheTag;
import io.tenantry.kernel.cache.TenantCache;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The user use cases. Reads go through the tenant cache (keys carry the tenant, so a cached user can never be
 * served to another tenant); every change drops the user's entries by tag.
 */
public final class UserService implements RegisterUserUseCase, GetUserUseCase, UpdateUserUseCase {

    static final Duration CACHE_TTL = Duration.ofMinutes(5);

    private final UserRepository users;
    private final TenantCache cache;
    private final Clock clock;

    @Inject
    public UserService(UserRepository users, TenantCache cache, Clock clock) {
        this.users = users;
        this.cache = cache;
        this.clock = clock;
    }

    @Override
    public UserOutcome register(RegisterUserCommand command) {
        User user = new User(UserId.random(), command.email(), command.name(), clock.instant());
        try {
            users.add(user);
            return new UserOutcome.Saved(user);
        } catch (EmailAlreadyUsed taken) {
            return new UserOutcome.EmailTaken();
        }
    }

    @Override
    public Optional<User> get(UserId id) {
        return cache.getOrLoad(key(id), User.class, CACHE_TTL, Set.of(tag(id)), () -> users.find(id));
    }

    @Override
    public UserOutcome update(UpdateUserCommand command) {
        Optional<User> current = users.find(command.id());
        if (current.isEmpty()) {
            return new UserOutcome.NotFound();
        }
        User changed = current.get().withDetails(command.email().orElse(current.get().email()),
                command.name().orElse(current.get().name()));
        try {
            boolean stored = users.update(changed);
            cache.invalidateTag(tag(command.id()));
            return stored ? new UserOutcome.Saved(changed) : new UserOutcome.NotFound();
        } catch (EmailAlreadyUsed taken) {
            return new UserOutcome.EmailTaken();
        }
    }

    private static CacheKey key(UserId id) {
        return CacheKey.of("user", id.toString());
    }

    private static CacheTag tag(UserId id) {
        return CacheTag.of("user", id.toString());
    }
}
