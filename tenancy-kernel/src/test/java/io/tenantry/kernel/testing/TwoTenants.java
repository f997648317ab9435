package io.tenantry.kernel.testing;

import io.tenantry.kernel.context.TenantContext;
import io.tenantry.kernel.context.TenantId;
import io.tenantry.kernel.context.TenantIdentity;
import io.tenantry.kernel.context.Tier;

import java.util.Set;
import java.util.function.Supplier;

/**
 * The two-tenant fixture shared by every module's tests: tenant A and tenant B with members, owners and a
 * platform admin. Isolation tests act as one and check what the other can see.
 */
public final class TwoTenants {

    public static final TenantId A = TenantId.of("tenant-a");
    public static final TenantId B = TenantId.of("tenant-b");

    public static final TenantIdentity MEMBER_A = identity(A, Tier.PRO, "alice", TenantIdentity.MEMBER);
    public static final TenantIdentity MEMBER_B = identity(B, Tier.FREE, "bob", TenantIdentity.MEMBER);
    public static final TenantIdentity OWNER_A = identity(A, Tier.PRO, "olga", TenantIdentity.MEMBER, TenantIdentity.OWNER);
    public static final TenantIdentity OWNER_B = identity(B, Tier.FREE, "otto", TenantIdentity.MEMBER, TenantIdentity.OWNER);
    public static final TenantIdentity ADMIN = identity(TenantId.of("platform"), Tier.ENTERPRISE, "root", TenantIdentity.ADMIN);

    private TwoTenants() {
    }

    public static TenantIdentity identity(TenantId tenant, Tier tier, String subject, String... roles) {
        return new TenantIdentity(tenant, tier, subject, Set.of(roles));
    }

    /** Runs {@code work} as {@code identity} and returns its result. */
    public static <T> T as(TenantIdentity identity, Supplier<T> work) {
        return TenantContext.call(identity, work::get);
    }

    /** Runs {@code work} as {@code identity}. */
    public static void as(TenantIdentity identity, Runnable work) {
        TenantContext.run(identity, work);
    }
}
