package io.tenantry.application.user;

import io.tenantry.application.user.UserUseCases.UserOutcome;
import io.tenantry.domain.user.Email;
import io.tenantry.domain.user.User;
import io.tenantry.domain.user.UserId;
import io.tenantry.kernel.cache.CacheKey;
import io.tenantry.kernel.cache.CacheTag;
import io.tenantry.kernel.cache.TenantCache;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import static io.tenantry.kernel.testing.TwoTenants.MEMBER_A;
import static io.tenantry.kernel.testing.TwoTenants.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

class UserServiceTest {

    private final UserRepository users = mock(UserRepository.class);
    private final TenantCache cache = mock(TenantCache.class);
    private final UserService service = new UserService(users, cache, Clock.systemUTC());
    private final User ann = new User(UserId.random(), new Email("ann@example.com"), "Ann", Instant.EPOCH);

    @Test
    void readsGoThroughTheCacheUnderTheTenantsKey() {
        TenantCache readThrough = mock(TenantCache.class, withSettings().defaultAnswer(CALLS_REAL_METHODS));
        UserService cached = new UserService(users, readThrough, Clock.systemUTC());
        CacheKey key = as(MEMBER_A, () -> CacheKey.of("user", ann.id().toString()));
        doReturn(Optional.of(ann)).when(readThrough).get(key, User.class);
        assertEquals(Optional.of(ann), as(MEMBER_A, () -> cached.get(ann.id())));
        verify(users, never()).find(any());
    }

    @Test
    void anUpdateDropsTheUsersCacheEntries() throws Exception {
        when(users.find(ann.id())).thenReturn(Optional.of(ann));
        when(users.update(any())).thenReturn(true);
        UserOutcome outcome = as(MEMBER_A, () -> service.update(new UpdateUserCommand(ann.id(), Optional.empty(), Optional.of("Annie"))));
        assertEquals("Annie", assertInstanceOf(UserOutcome.Saved.class, outcome).user().name());
        verify(cache).invalidateTag(eq(as(MEMBER_A, () -> CacheTag.of("user", ann.id().toString()))));
    }

    @Test
    void aTakenEmailIsAnOutcomeNotAnException() throws Exception {
        doThrow(new UserRepository.EmailAlreadyUsed()).when(users).add(any());
        assertInstanceOf(UserOutcome.EmailTaken.class,
                as(MEMBER_A, () -> service.register(new RegisterUserCommand(new Email("ann@example.com"), "Ann"))));
    }
}
