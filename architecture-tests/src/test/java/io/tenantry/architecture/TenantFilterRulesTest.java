package io.tenantry.architecture;

import io.tenantry.adapters.persistence.fixture.GoodOrderDao;
import io.tenantry.adapters.persistence.fixture.TenantParameterDao;
import io.tenantry.adapters.persistence.fixture.UnfilteredOrderDao;
import io.tenantry.adapters.persistence.fixture.UnjustifiedBypassDao;
import io.tenantry.adapters.persistence.fixture.UnscopedOrderDao;
import org.junit.jupiter.api.Test;

import static io.tenantry.architecture.RuleFixtures.assertFails;
import static io.tenantry.architecture.RuleFixtures.assertPasses;
import static io.tenantry.architecture.RuleFixtures.importOnly;

/** The tenant-filter rules read SQL from the annotations: each fails on its bad repository, passes on the good one. */
class TenantFilterRulesTest {

    @Test
    void aRepositoryOnATenantTableMustBeTenantScoped() {
        assertFails(HouseRules.REPOSITORIES_ON_TENANT_TABLES_ARE_TENANT_SCOPED, importOnly(UnscopedOrderDao.class),
                "UnscopedOrderDao", "TenantScoped", "Annotate it @TenantScoped and @BindCurrentTenant");
        assertPasses(HouseRules.REPOSITORIES_ON_TENANT_TABLES_ARE_TENANT_SCOPED, importOnly(GoodOrderDao.class));
    }

    @Test
    void anUnfilteredSqlQueryFailsTheBuild() {
        assertFails(HouseRules.TENANT_SCOPED_SQL_FILTERS_BY_THE_CURRENT_TENANT, importOnly(UnfilteredOrderDao.class),
                "UnfilteredOrderDao.find(java.util.UUID) runs SQL without ':tenantId' and is not @BypassRls: "
                        + "SELECT id FROM orders WHERE id = :id",
                "Add 'tenant_id = :tenantId' to the SQL");
        assertPasses(HouseRules.TENANT_SCOPED_SQL_FILTERS_BY_THE_CURRENT_TENANT, importOnly(GoodOrderDao.class));
    }

    @Test
    void aBypassWithoutJustificationFailsTheBuild() {
        assertFails(HouseRules.BYPASSES_ARE_JUSTIFIED, importOnly(UnjustifiedBypassDao.class),
                "UnjustifiedBypassDao.all() is @BypassRls with a blank justification");
        assertPasses(HouseRules.BYPASSES_ARE_JUSTIFIED, importOnly(GoodOrderDao.class));
    }

    @Test
    void aRepositoryMustNotTakeTheTenantAsAParameter() {
        assertFails(HouseRules.REPOSITORIES_NEVER_TAKE_THE_TENANT_AS_A_PARAMETER, importOnly(TenantParameterDao.class),
                "TenantParameterDao.find(java.lang.String, java.util.UUID) takes the tenant as parameter 0",
                "TenantParameterDao.count(io.tenantry.kernel.context.TenantId) takes the tenant as parameter 0",
                "Take it from TenantContext");
        assertPasses(HouseRules.REPOSITORIES_NEVER_TAKE_THE_TENANT_AS_A_PARAMETER, importOnly(GoodOrderDao.class));
    }
}
