package io.tenantry.bootstrap;

import io.tenantry.adapters.persistence.postgres.PostgresSettings;
import io.tenantry.adapters.persistence.postgres.TestDatabase;
import io.tenantry.bootstrap.TestServer.TestTenant;
import io.tenantry.kernel.context.TenantId;
import io.tenantry.kernel.context.Tier;
import io.tenantry.kernel.limits.TierLimits;
import io.tenantry.kernel.testing.Eventually;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A tenant given a database of its own through the admin API while the service runs, migrated on the spot; its rows
 * land there from its next call on, on this instance and on a serving instance without a migrator login; and the
 * database retired again, never one that holds rows or is not the tenant's.
 */
class OwnDatabaseApiTest {

    private static final String SUSPEND = "{\"status\":\"suspended\"}";
    private static final String ACTIVATE = "{\"status\":\"active\"}";
    /** How long an instance trusts what it read of a tenant here; a move waits that long after a suspension. */
    private static final Duration CACHE_AGE = Duration.ofMillis(1_500);

    @Test
    void aSuspendedTenantGetsADatabaseOfItsOwnAndEveryInstanceRoutesItThere() throws Exception {
        try (TestDatabase shared = TestDatabase.create(4)) {
            TestServer server = TestServer.start(shared, CACHE_AGE, Optional.empty(), TierLimits.defaults(),
                    TenantryConfig.Dedicated.none());
            Tenantry serving = null;
            String ownName = shared.name() + "_movecorp";
            try {
                String admin = server.operator.admin();
                server.api.post("/admin/tenants", admin, tenant("movecorp")).assertStatus(201);
                TestTenant moving = new TestTenant(TenantId.of("movecorp"), Tier.ENTERPRISE, server);
                TestTenant neighbour = server.newTenant(Tier.PRO);

                assertDetail(server.api.post("/admin/tenants/movecorp/database", admin, "").assertProblem(409), "is active");
                server.api.post("/admin/tenants/nobody-here/database", admin, "").assertProblem(404);
                server.api.post("/admin/tenants/movecorp/database", moving.admin(), "").assertProblem(403);

                server.api.patch("/admin/tenants/movecorp", admin, SUSPEND).assertStatus(200);
                Api.Response early = server.api.post("/admin/tenants/movecorp/database", admin, "").assertProblem(409);
                assertDetail(early, "suspended too recently");
                assertTrue(early.header("Retry-After").isPresent(), "says when the suspension has settled");
                assertFalse(exists(shared, ownName), "nothing was created while an instance may still serve it");

                Api.Response given = Eventually.value(Duration.ofSeconds(5),
                        () -> server.api.post("/admin/tenants/movecorp/database", admin, ""), answer -> answer.status() == 201);
                assertEquals("own", Json.parse(given.body()).get("database").asText(), given.body());
                assertTrue(exists(shared, ownName), "the database was created");
                assertDetail(server.api.post("/admin/tenants/movecorp/database", admin, "").assertProblem(409),
                        "already live there");
                server.api.patch("/admin/tenants/movecorp", admin, ACTIVATE).assertStatus(200);

                String id = Json.parse(server.api.post("/api/orders", moving.member(), Json.order("in its own"))
                        .assertStatus(201).body()).get("id").asText();
                server.api.post("/api/orders", neighbour.member(), Json.order("shared")).assertStatus(201);
                assertEquals("1", count(shared, ownName, "SELECT count(*) FROM orders WHERE tenant_id = 'movecorp'"));
                assertEquals("0", shared.query("SELECT count(*) FROM orders WHERE tenant_id = 'movecorp'"),
                        "nothing of the moved tenant in the shared database");
                assertEquals("0", count(shared, ownName, "SELECT count(*) FROM orders WHERE tenant_id <> 'movecorp'"),
                        "nothing of anyone else in its database");
                assertEquals("5", count(shared, ownName, "SELECT count(*) FROM flyway_schema_history WHERE success"),
                        "migrated on provisioning");
                server.api.get("/api/orders/" + id, neighbour.member()).assertProblem(404);

                serving = Tenantry.start(servingOnly(server.config(), shared.settings()));
                Api other = new Api("http://127.0.0.1:" + serving.port());
                assertEquals(200, other.get("/api/orders/" + id, moving.member()).status(),
                        "an instance without a migrator login routes the tenant by its entry");
                other.post("/api/orders", moving.member(), Json.order("via the other")).assertStatus(201);
                assertEquals("2", count(shared, ownName, "SELECT count(*) FROM orders WHERE tenant_id = 'movecorp'"));
                assertEquals("1", shared.query("SELECT count(*) FROM orders"), "only the neighbour's order is shared");

                Set<String> listed = new HashSet<>();
                Json.parse(other.get("/admin/orders", admin).assertStatus(200).body()).get("items")
                        .forEach(item -> listed.add(item.get("tenantId").asText()));
                assertEquals(Set.of("movecorp", neighbour.id().value()), listed, "the listing reads its database too");

                server.api.patch("/admin/tenants/movecorp", admin, SUSPEND).assertStatus(200);
                Api.Response holds = Eventually.value(Duration.ofSeconds(5),
                        () -> server.api.delete("/admin/tenants/movecorp/database", admin), answer -> answer.status() != 409
                                || answer.body().contains("holds"));
                holds.assertProblem(409);
                assertDetail(holds, "holds 2 rows");
                assertTrue(exists(shared, ownName), "a database holding rows is never dropped");
                assertDetail(other.delete("/admin/tenants/movecorp/database", admin).assertProblem(409),
                        "cannot be created or dropped here");

                String audit = server.api.get("/admin/audit?limit=100", admin).body();
                assertTrue(audit.contains("admin.tenants.database.give"), audit);
            } finally {
                if (serving != null) {
                    serving.close();
                }
                server.tenantry.close();
                dropIfExists(shared, ownName);
            }
        }
    }

    @Test
    void anEmptyOwnDatabaseIsRetiredAndDroppedButADatabaseThatIsNotTheTenantsIsNeverTaken() throws Exception {
        try (TestDatabase shared = TestDatabase.create(4)) {
            TestServer server = TestServer.start(shared, CACHE_AGE, Optional.empty(), TierLimits.defaults(),
                    TenantryConfig.Dedicated.none());
            String ownName = shared.name() + "_backcorp";
            String squatted = shared.name() + "_squatter";
            try {
                String admin = server.operator.admin();
                server.api.post("/admin/tenants", admin, tenant("backcorp")).assertStatus(201);
                server.api.post("/admin/tenants", admin, tenant("squatter")).assertStatus(201);
                TestTenant back = new TestTenant(TenantId.of("backcorp"), Tier.ENTERPRISE, server);
                assertDetail(server.api.delete("/admin/tenants/backcorp/database", admin).assertProblem(409), "is active");
                server.api.patch("/admin/tenants/backcorp", admin, SUSPEND).assertStatus(200);
                server.api.patch("/admin/tenants/squatter", admin, SUSPEND).assertStatus(200);
                Thread.sleep(CACHE_AGE.toMillis() + 100);
                assertDetail(server.api.delete("/admin/tenants/backcorp/database", admin).assertProblem(409),
                        "already live there");
                server.api.post("/admin/tenants/backcorp/database", admin, "").assertStatus(201);
                assertTrue(exists(shared, ownName));

                Api.Response retired = server.api.delete("/admin/tenants/backcorp/database", admin).assertStatus(200);
                assertEquals("shared", Json.parse(retired.body()).get("database").asText(), retired.body());
                assertFalse(exists(shared, ownName), "the empty database was dropped once the move was committed");
                String audit = server.api.get("/admin/audit?limit=100", admin).body();
                assertTrue(audit.contains("admin.tenants.database.retire") && audit.contains("admin.tenants.database.drop"),
                        audit);
                server.api.patch("/admin/tenants/backcorp", admin, ACTIVATE).assertStatus(200);
                server.api.post("/api/orders", back.member(), Json.order("back home")).assertStatus(201);
                assertEquals("1", shared.query("SELECT count(*) FROM orders WHERE tenant_id = 'backcorp'"));

                // a database of the name the tenant's would get, made by someone else
                execute(shared, "CREATE DATABASE " + squatted);
                assertDetail(server.api.post("/admin/tenants/squatter/database", admin, "").assertProblem(409),
                        "cannot be created or dropped here");
                assertTrue(exists(shared, squatted), "a database that is not the tenant's is left as it is");
                String where = null;
                for (var item : Json.parse(server.api.get("/admin/tenants", admin).body()).get("items")) {
                    if (item.get("id").asText().equals("squatter")) {
                        where = item.get("database").asText();
                    }
                }
                assertEquals("shared", where, "and the tenant stays on the shared database");
            } finally {
                server.tenantry.close();
                dropIfExists(shared, ownName);
                dropIfExists(shared, squatted);
            }
        }
    }

    private static String tenant(String id) {
        return "{\"id\":\"" + id + "\",\"name\":\"" + id + "\",\"tier\":\"enterprise\"}";
    }

    private static void assertDetail(Api.Response problem, String expected) {
        assertTrue(problem.body().contains(expected), () -> "expected '" + expected + "' in " + problem.body());
    }

    /** A second instance as production runs it: no migrator login, nothing migrated on serve. */
    private static TenantryConfig servingOnly(TenantryConfig base, PostgresSettings direct) {
        PostgresSettings withoutMigrator = new PostgresSettings(direct.url(),
                new PostgresSettings.Login("no_such_migrator", "unknown"), direct.app(), direct.bypass(), 2, 1, false);
        return new TenantryConfig(base.web(), Optional.of(withoutMigrator), Optional.empty(), false, base.tenantCacheAge(),
                Optional.empty(), base.limits(), base.storageRoot(), Optional.empty(), TenantryConfig.Dedicated.none(),
                base.uploads(), base.quotas(), false);
    }

    private static boolean exists(TestDatabase shared, String database) {
        return "1".equals(shared.query("SELECT count(*) FROM pg_database WHERE datname = '" + database + "'"));
    }

    private static String count(TestDatabase shared, String database, String sql) throws SQLException {
        PostgresSettings settings = shared.settings();
        try (Connection owner = DriverManager.getConnection(settings.url().replace("/" + shared.name(), "/" + database),
                settings.migrator().user(), settings.migrator().password());
             Statement statement = owner.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static void dropIfExists(TestDatabase shared, String database) throws SQLException {
        execute(shared, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    private static void execute(TestDatabase shared, String sql) throws SQLException {
        PostgresSettings settings = shared.settings();
        try (Connection owner = DriverManager.getConnection(settings.url(), settings.migrator().user(),
                settings.migrator().password()); Statement statement = owner.createStatement()) {
            statement.execute(sql);
        }
    }
}
