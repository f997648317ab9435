package io.tenantry.adapters.persistence.postgres;

import io.tenantry.adapters.persistence.jdbi.BindCurrentTenant;
import io.tenantry.kernel.policy.TenantScoped;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.tenantry.kernel.testing.TwoTenants.MEMBER_A;
import static io.tenantry.kernel.testing.TwoTenants.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A SQL object method that takes a parameter named like the tenant binding cannot replace the current tenant: the
 * tenant is bound again after every parameter, so the filter and row-level security both keep the caller's tenant.
 */
class ForgedTenantParameterTest {

    /** What a careless method would look like; the house rules refuse it at build time too. */
    @TenantScoped
    @BindCurrentTenant
    public interface ForgingDao {
        @SqlQuery("SELECT id FROM tenants WHERE id = :tenantId")
        List<String> tenantSeen(@Bind("tenantId") String tenantId);
    }

    @Test
    void aParameterNamedTenantIdDoesNotReplaceTheCurrentTenant() {
        PostgresFixture fixture = PostgresFixture.shared(PostgresFixture.Mode.BOTH);
        fixture.reset();
        ForgingDao dao = fixture.persistence().sqlObject(ForgingDao.class);
        assertEquals(List.of(MEMBER_A.tenant().value()), as(MEMBER_A, () -> dao.tenantSeen("tenant-b")));
    }
}
