package io.tenantry.architecture;

import io.tenantry.adapters.persistence.fixture.GoodOrderDao;
import io.tenantry.adapters.persistence.fixture.JoinBothSidesDao;
import io.tenantry.adapters.persistence.fixture.LocatedGoodOrderDao;
import io.tenantry.adapters.persistence.fixture.LocatedOrderDao;
import io.tenantry.adapters.persistence.fixture.NamedTenantParameterDao;
import io.tenantry.adapters.persistence.fixture.ParsedSqlDao;
import io.tenantry.adapters.persistence.fixture.TenantParameterDao;
import io.tenantry.adapters.persistence.fixture.UnfilteredOrderDao;
import io.tenantry.adapters.persistence.fixture.UnjustifiedBypassDao;
import io.tenantry.adapters.persistence.fixture.UnscopedOrderDao;
import org.junit.jupiter.api.Test;

import static io.tenantry.architecture.RuleFixtures.assertFails;
import static io.tenantry.architecture.RuleFixtures.assertPasses;
import static io.tenantry.architecture.RuleFixtures.importOnly;
import static io.tenantry.architecture.RuleFixtures.sqlRules;

/**
 * The tenant-filter rules parse every statement as PostgreSQL against the migrated schema: each fails on its bad
 * repository with the remedy, and passes on a near twin that constrains every tenant table.
 */
class TenantFilterRulesTest {

    private static final String REMEDY = "Add 'tenant_id = :tenantId' (for the tenant registry, 'id = :tenantId') as an "
            + "AND condition of the WHERE or ON that introduces each tenant table";

    @Test
    void aRepositoryOnATenantTableMustBeTenantScoped() {
        assertFails(sqlRules().sqlObjectsOnTenantTablesAreTenantScoped(), importOnly(UnscopedOrderDao.class),
                "UnscopedOrderDao", "TenantScoped", "Annotate it @TenantScoped and @BindCurrentTenant");
        assertPasses(sqlRules().sqlObjectsOnTenantTablesAreTenantScoped(), importOnly(GoodOrderDao.class));
    }

    @Test
    void anUnfilteredSqlQueryFailsTheBuild() {
        assertFails(sqlRules().sqlConstrainsEveryTenantTable(), importOnly(UnfilteredOrderDao.class),
                "UnfilteredOrderDao.find(java.util.UUID): orders is not constrained by orders.tenant_id = :tenantId as a "
                        + "top-level AND condition of its own WHERE or ON in: SELECT id FROM orders WHERE id = :id",
                REMEDY);
        assertPasses(sqlRules().sqlConstrainsEveryTenantTable(), importOnly(GoodOrderDao.class));
    }

    @Test
    void aTenantConditionThatDoesNotConstrainFailsTheBuild() {
        assertFails(sqlRules().sqlConstrainsEveryTenantTable(), importOnly(ParsedSqlDao.class),
                "ParsedSqlDao.underOr(): orders is not constrained by orders.tenant_id = :tenantId",
                "ParsedSqlDao.inAComment(java.util.UUID): orders is not constrained by orders.tenant_id = :tenantId",
                "ParsedSqlDao.oneSideOfAJoin(): order_lines is not constrained by l.tenant_id = :tenantId as a top-level "
                        + "AND condition of its own WHERE or ON",
                "ParsedSqlDao.insertWithoutTheTenant(java.util.UUID, java.lang.String): INSERT INTO users does not write "
                        + ":tenantId into tenant_id",
                "ParsedSqlDao.unparsable(): cannot be parsed as PostgreSQL (", "); write SQL the house rules can read",
                REMEDY);
        assertPasses(sqlRules().sqlConstrainsEveryTenantTable(), importOnly(JoinBothSidesDao.class));
    }

    @Test
    void sqlInAClasspathFileIsReadAndCheckedLikeAnnotatedSql() {
        assertFails(sqlRules().sqlConstrainsEveryTenantTable(), importOnly(LocatedOrderDao.class),
                "LocatedOrderDao.find(java.util.UUID): orders is not constrained by orders.tenant_id = :tenantId as a "
                        + "top-level AND condition of its own WHERE or ON in: -- the order with this id SELECT id FROM "
                        + "orders WHERE id = :id");
        assertPasses(sqlRules().sqlConstrainsEveryTenantTable(), importOnly(LocatedGoodOrderDao.class));
        assertPasses(sqlRules().sqlIsWrittenWhereTheRulesCanReadIt(), importOnly(LocatedGoodOrderDao.class));
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
        assertFails(HouseRules.REPOSITORIES_NEVER_TAKE_THE_TENANT_AS_A_PARAMETER, importOnly(NamedTenantParameterDao.class),
                "NamedTenantParameterDao.customersOf(java.lang.String) takes the tenant as parameter 0");
        assertPasses(HouseRules.REPOSITORIES_NEVER_TAKE_THE_TENANT_AS_A_PARAMETER, importOnly(GoodOrderDao.class));
    }
}
