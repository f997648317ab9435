package io.tenantry.application.tenant;

import io.tenantry.kernel.context.Tier;
import io.tenantry.kernel.testing.TwoTenants;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static io.tenantry.kernel.testing.TwoTenants.MEMBER_A;
import static io.tenantry.kernel.testing.TwoTenants.MEMBER_B;
import static io.tenantry.kernel.testing.TwoTenants.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class TenantAccessTest {

    private static final Tenant ACTIVE_A = new Tenant(TwoTenants.A, "A", Tier.PRO, TenantStatus.ACTIVE);
    private final TenantDirectory directory = mock(TenantDirectory.class);
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);
    private final TenantAccess access = new TenantAccess(directory, clock, Duration.ofSeconds(2));

    @Test
    void anActiveTenantIsGrantedAndReadOnceWithinMaxAge() {
        when(directory.current()).thenReturn(Optional.of(ACTIVE_A));
        assertEquals(new CheckTenantAccessUseCase.Verdict.Granted(ACTIVE_A), as(MEMBER_A, access::check));
        as(MEMBER_A, access::check);
        verify(directory, times(1)).current();
    }

    @Test
    void evictingMakesAChangeVisibleAtOnce() {
        when(directory.current()).thenReturn(Optional.of(ACTIVE_A))
                .thenReturn(Optional.of(ACTIVE_A.with(Tier.PRO, TenantStatus.SUSPENDED)));
        assertInstanceOf(CheckTenantAccessUseCase.Verdict.Granted.class, as(MEMBER_A, access::check));
        access.evict(TwoTenants.A);
        assertInstanceOf(CheckTenantAccessUseCase.Verdict.Suspended.class, as(MEMBER_A, access::check));
    }

    @Test
    void anUnknownTenantIsNotGrantedAndTenantsAreCachedSeparately() {
        when(directory.current()).thenReturn(Optional.empty());
        assertInstanceOf(CheckTenantAccessUseCase.Verdict.UnknownTenant.class, as(MEMBER_B, access::check));
        when(directory.current()).thenReturn(Optional.of(ACTIVE_A));
        assertInstanceOf(CheckTenantAccessUseCase.Verdict.Granted.class, as(MEMBER_A, access::check),
                "tenant B's cached verdict must not answer for tenant A");
    }
}
