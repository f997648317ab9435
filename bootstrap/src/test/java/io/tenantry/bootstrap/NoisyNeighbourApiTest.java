package io.tenantry.bootstrap;

import io.tenantry.adapters.persistence.jdbi.DatabaseWorkLimits;
import io.tenantry.adapters.persistence.postgres.PostgresSettings;
import io.tenantry.adapters.persistence.postgres.TestDatabase;
import io.tenantry.bootstrap.TestServer.TestTenant;
import io.tenantry.kernel.context.Tier;
import io.tenantry.kernel.limits.TierLimits;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tier's database limits as an API client meets them. */
class NoisyNeighbourApiTest {

    @Test
    void aStatementPastTheTiersTimeoutIsA503ProblemWithRetryAfterAndOtherTiersAreServed() {
        try (TestDatabase database = TestDatabase.create(4)) {
            PostgresSettings direct = database.settings();
            DatabaseWorkLimits limits = DatabaseWorkLimits.defaults().with(Tier.FREE, 2, Duration.ofMillis(1));
            PostgresSettings settings = new PostgresSettings(direct.url(), direct.migrator(), direct.app(), direct.bypass(),
                    4, 2, true, Duration.ofSeconds(1), false, limits);
            TestServer server = TestServer.start(database, settings, Duration.ofSeconds(2), Optional.empty(),
                    TierLimits.defaults(), TenantryConfig.Dedicated.none());
            try {
                TestTenant free = server.newTenant(Tier.FREE);
                TestTenant pro = server.newTenant(Tier.PRO);
                Api.Response timedOut = server.api.get("/api/orders?limit=100", free.member()).assertProblem(503);
                assertTrue(timedOut.body().contains("statement-timeout"), timedOut.body());
                assertEquals(Optional.of("1"), timedOut.header("Retry-After"));
                assertEquals(200, server.api.get("/api/orders?limit=100", pro.member()).status(),
                        "positive control: the pro tier's timeout is the default five seconds");
            } finally {
                server.tenantry.close();
            }
        }
    }
}
