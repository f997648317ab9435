package io.tenantry.architecture;

import io.tenantry.adapters.persistence.fixture.ConcatenatedSqlRepository;
import io.tenantry.adapters.persistence.fixture.DefinedTableDao;
import io.tenantry.adapters.persistence.fixture.ExemptInfrastructure;
import io.tenantry.adapters.persistence.fixture.FluentApiRepository;
import io.tenantry.adapters.persistence.fixture.GoodOrderDao;
import io.tenantry.adapters.persistence.fixture.MethodReferenceRepository;
import io.tenantry.adapters.persistence.fixture.OwnConnectionRepository;
import io.tenantry.adapters.persistence.fixture.PlainJdbcRepository;
import io.tenantry.adapters.persistence.fixture.RewritingAnnotationDao;
import io.tenantry.adapters.persistence.fixture.SqlParserDao;
import org.junit.jupiter.api.Test;

import static io.tenantry.architecture.RuleFixtures.assertFails;
import static io.tenantry.architecture.RuleFixtures.assertPasses;
import static io.tenantry.architecture.RuleFixtures.importOnly;
import static io.tenantry.architecture.RuleFixtures.sqlRules;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** SQL runs only through SQL objects whose SQL the rules can read; infrastructure is exempt by type, with a reason. */
class SqlPathRulesTest {

    private static final String REMEDY = "Put the statement in a @TenantScoped SQL object (an interface with "
            + "@SqlQuery/@SqlUpdate); infrastructure that must run its own SQL (migrations, the self-check, health) is "
            + "listed, with its reason, as a RawSqlExemption of the house rules";

    @Test
    void jdbisFluentApiFailsTheBuild() {
        assertFails(sqlRules().sqlRunsOnlyThroughSqlObjects(), importOnly(FluentApiRepository.class),
                "FluentApiRepository.customers() runs SQL through Jdbi.withHandle",
                "runs SQL through Handle.createQuery", REMEDY);
    }

    @Test
    void aMethodReferenceOrAConstructorIsNoWayRound() {
        assertFails(sqlRules().sqlRunsOnlyThroughSqlObjects(), importOnly(MethodReferenceRepository.class),
                "runs SQL through Handle.createQuery", "runs SQL through new Query", REMEDY);
    }

    @Test
    void aConnectionOfOnesOwnFailsTheBuild() {
        assertFails(sqlRules().sqlRunsOnlyThroughSqlObjects(), importOnly(OwnConnectionRepository.class),
                "OwnConnectionRepository.open(javax.sql.DataSource) runs SQL through DataSource.getConnection", REMEDY);
    }

    @Test
    void plainJdbcFailsTheBuild() {
        assertFails(sqlRules().sqlRunsOnlyThroughSqlObjects(), importOnly(PlainJdbcRepository.class),
                "PlainJdbcRepository.count(javax.sql.DataSource) runs SQL through Connection.createStatement",
                "PlainJdbcRepository.count(javax.sql.DataSource) runs SQL through Statement.executeQuery", REMEDY);
    }

    @Test
    void sqlConcatenatedAtRunTimeFailsTheBuildWhereverItIsRun() {
        assertFails(sqlRules().sqlRunsOnlyThroughSqlObjects(), importOnly(ConcatenatedSqlRepository.class),
                "ConcatenatedSqlRepository.delete(org.jdbi.v3.core.Handle, java.lang.String, java.util.UUID) runs SQL "
                        + "through Handle.createUpdate");
        assertFails(sqlRules().sqlIsWrittenWhereTheRulesCanReadIt(), importOnly(DefinedTableDao.class),
                "DefinedTableDao.ids(java.lang.String) has SQL assembled at run time by @Define",
                "Write the whole statement in the annotation, or in a .sql file read with @UseClasspathSqlLocator");
        assertFails(sqlRules().sqlIsWrittenWhereTheRulesCanReadIt(), importOnly(RewritingAnnotationDao.class),
                "RewritingAnnotationDao.customers() has SQL assembled at run time by @Rewrite");
        assertFails(sqlRules().sqlIsWrittenWhereTheRulesCanReadIt(), importOnly(SqlParserDao.class),
                "SqlParserDao.ids() has SQL assembled at run time by @UseSqlParser");
        assertPasses(sqlRules().sqlIsWrittenWhereTheRulesCanReadIt(), importOnly(GoodOrderDao.class));
    }

    @Test
    void aSqlObjectPassesAndInfrastructurePassesOnlyOnceExemptedByType() {
        assertPasses(sqlRules().sqlRunsOnlyThroughSqlObjects(), importOnly(GoodOrderDao.class));
        assertFails(sqlRules().sqlRunsOnlyThroughSqlObjects(), importOnly(ExemptInfrastructure.class),
                "ExemptInfrastructure.analyze(java.sql.Connection) runs SQL through Connection.createStatement");
        assertPasses(sqlRules(new RawSqlExemption(ExemptInfrastructure.class, "analyzes the tables after a bulk load"))
                .sqlRunsOnlyThroughSqlObjects(), importOnly(ExemptInfrastructure.class, GoodOrderDao.class));
        assertThrows(IllegalArgumentException.class, () -> new RawSqlExemption(ExemptInfrastructure.class, " "),
                "an exemption says why");
    }
}
