package io.tenantry.adapters.persistence.memory;

import io.tenantry.application.user.UserRepository;
import io.tenantry.domain.user.User;
import io.tenantry.domain.user.UserId;
import io.tenantry.kernel.context.TenantId;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Users in memory, one map per tenant; e-mail addresses are unique per tenant as in PostgreSQL. */
public final class InMemoryUserRepository implements UserRepository {

    private final Map<TenantId, Map<UserId, User>> byTenant = new ConcurrentHashMap<>();

    @Override
    public void add(User user) throws EmailAlreadyUsed {
        Map<UserId, User> users = own();
        synchronized (users) {
            if (emailTaken(users, user)) {
                throw new EmailAlreadyUsed();
            }
            if (users.putIfAbsent(user.id(), user) != null) {
                throw new IllegalStateException("user " + user.id() + " already exists");
            }
        }
    }

    @Override
    public Optional<User> find(UserId id) {
        return Optional.ofNullable(own().get(id));
    }

    @Override
    public boolean update(User user) throws EmailAlreadyUsed {
        Map<UserId, User> users = own();
        synchronized (users) {
            if (!users.containsKey(user.id())) {
                return false;
            }
            if (emailTaken(users, user)) {
                throw new EmailAlreadyUsed();
            }
            users.put(user.id(), user);
            return true;
        }
    }

    private static boolean emailTaken(Map<UserId, User> users, User candidate) {
        return users.values().stream()
                .anyMatch(other -> !other.id().equals(candidate.id()) && other.email().equals(candidate.email()));
    }

    private Map<UserId, User> own() {
        return byTenant.computeIfAbsent(InMemoryTenancy.tenant(), tenant -> new ConcurrentHashMap<>());
    }
}
