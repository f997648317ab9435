package io.tenantry.application.contract;

import io.tenantry.application.user.UserRepository;
import io.tenantry.application.user.UserRepository.EmailAlreadyUsed;
import io.tenantry.domain.user.Email;
import io.tenantry.domain.user.User;
import io.tenantry.domain.user.UserId;
import io.tenantry.kernel.context.MissingTenantContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import static io.tenantry.kernel.testing.TwoTenants.MEMBER_A;
import static io.tenantry.kernel.testing.TwoTenants.MEMBER_B;
import static io.tenantry.kernel.testing.TwoTenants.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every {@link UserRepository} must do, run against each adapter. */
public abstract class UserRepositoryContract {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z").truncatedTo(ChronoUnit.MICROS);

    protected abstract PersistenceFixture fixture();

    private UserRepository users;
    private User ann;

    @BeforeEach
    void givenAUserOfTenantA() throws EmailAlreadyUsed {
        fixture().reset();
        users = fixture().users();
        ann = user("ann@example.com", "Ann");
        addAs(MEMBER_A, ann);
    }

    @Test
    void anAddedUserIsFound() {
        assertEquals(Optional.of(ann), as(MEMBER_A, () -> users.find(ann.id())));
    }

    @Test
    void tenantBCannotReadTenantAsUser() {
        assertEquals(Optional.empty(), as(MEMBER_B, () -> users.find(ann.id())));
        assertEquals(Optional.of(ann), as(MEMBER_A, () -> users.find(ann.id())));
    }

    @Test
    void theSameEmailCanBeUsedInTwoTenants() throws Exception {
        User annInB = user("ann@example.com", "Ann of B");
        addAs(MEMBER_B, annInB);
        assertEquals("Ann of B", as(MEMBER_B, () -> users.find(annInB.id())).orElseThrow().name());
        assertEquals("Ann", as(MEMBER_A, () -> users.find(ann.id())).orElseThrow().name());
    }

    @Test
    void anEmailIsUniqueWithinATenantWhateverItsCase() {
        assertThrows(EmailAlreadyUsed.class, () -> addAs(MEMBER_A, user("ANN@example.com", "Another Ann")));
    }

    @Test
    void tenantBCannotUpdateTenantAsUser() throws Exception {
        User renamed = ann.withDetails(ann.email(), "Renamed");
        assertFalse(as(MEMBER_B, () -> updateQuietly(renamed)));
        assertEquals("Ann", as(MEMBER_A, () -> users.find(ann.id())).orElseThrow().name());
        assertTrue(as(MEMBER_A, () -> updateQuietly(renamed)));
        assertEquals("Renamed", as(MEMBER_A, () -> users.find(ann.id())).orElseThrow().name());
    }

    @Test
    void anUpdateCannotTakeAnotherUsersEmail() throws Exception {
        User bob = user("bob@example.com", "Bob");
        addAs(MEMBER_A, bob);
        assertThrows(EmailAlreadyUsed.class,
                () -> TenantContextCalls.call(MEMBER_A, () -> users.update(bob.withDetails(ann.email(), "Bob"))));
        assertEquals("bob@example.com", as(MEMBER_A, () -> users.find(bob.id())).orElseThrow().email().value());
    }

    @Test
    void withoutATenantNothingRuns() {
        assertThrows(MissingTenantContext.class, () -> users.find(ann.id()));
    }

    private boolean updateQuietly(User user) {
        try {
            return users.update(user);
        } catch (EmailAlreadyUsed e) {
            throw new AssertionError(e);
        }
    }

    private void addAs(io.tenantry.kernel.context.TenantIdentity identity, User user) throws EmailAlreadyUsed {
        TenantContextCalls.call(identity, () -> {
            users.add(user);
            return null;
        });
    }

    private static User user(String email, String name) {
        return new User(UserId.random(), new Email(email), name, NOW);
    }
}
