package io.tenantry.bootstrap;

import io.tenantry.adapters.persistence.postgres.PostgresSettings;
import io.tenantry.adapters.persistence.postgres.TestDatabase;
import io.tenantry.bootstrap.TestServer.TestTenant;
import io.tenantry.kernel.limits.TierLimits;
import io.tenantry.kernel.context.Tier;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
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
 * land there from its next call on, on this instance and on another one; and the database retired again.
 */
class OwnDatabaseApiTest {

    private static final String SUSPEND = "{\"status\":\"suspended\"}";
    private static final String ACTIVATE = "{\"status\":\"active\"}";

    @Test
    void aSuspendedTenantGetsADatabaseOfItsOwnThroughTheApiAndEveryInstanceRoutesItThere() throws Exception {
        try (TestDatabase shared = TestDatabase.create(4)) {
            TestServer server = TestServer.start(shared, Duration.ofSeconds(2), Optional.empty(), TierLimits.defaults(),
                    TenantryConfig.Dedicated.none());
            Tenantry second = null;
            String ownName = shared.name() + "_movecorp";
            try {
                String admin = server.operator.admin();
                server.api.post("/admin/tenants", admin, "{\"id\":\"movecorp\",\"name\":\"Move Corp\",\"tier\":\"enterprise\"}")
                        .assertStatus(201);
                TestTenant moving = new TestTenant(io.tenantry.kernel.context.TenantId.of("movecorp"), Tier.ENTERPRISE, server);
                TestTenant neighbour = server.newTenant(Tier.PRO);

                server.api.post("/admin/tenants/movecorp/database", admin, "").assertProblem(409);
                server.api.post("/admin/tenants/nobody-here/database", admin, "").assertProblem(404);
                server.api.post("/admin/tenants/movecorp/database", moving.admin(), "").assertProblem(403);

                server.api.patch("/admin/tenants/movecorp", admin, SUSPEND).assertStatus(200);
                Api.Response given = server.api.post("/admin/tenants/movecorp/database", admin, "").assertStatus(201);
                assertEquals("own", Json.parse(given.body()).get("database").asText(), given.body());
                assertTrue(exists(shared, ownName), "the database was created");
                server.api.post("/admin/tenants/movecorp/database", admin, "").assertProblem(409);
                server.api.patch("/admin/tenants/movecorp", admin, ACTIVATE).assertStatus(200);

                String id = Json.parse(server.api.post("/api/orders", moving.member(), Json.order("in its own"))
                        .assertStatus(201).body()).get("id").asText();
                server.api.post("/api/orders", neighbour.member(), Json.order("shared")).assertStatus(201);
                assertEquals("1", count(shared, ownName, "SELECT count(*) FROM orders WHERE tenant_id = 'movecorp'"));
                assertEquals("0", shared.query("SELECT count(*) FROM orders WHERE tenant_id = 'movecorp'"),
                        "nothing of the moved tenant in the shared database");
                assertEquals("0", count(shared, ownName, "SELECT count(*) FROM orders WHERE tenant_id <> 'movecorp'"),
                        "nothing of anyone else in its database");
                assertEquals(5, Integer.parseInt(count(shared, ownName,
                        "SELECT count(*) FROM flyway_schema_history WHERE success")), "migrated on provisioning");
                server.api.get("/api/orders/" + id, neighbour.member()).assertProblem(404);

                second = Tenantry.start(server.config());
                Api other = new Api("http://127.0.0.1:" + second.port());
                assertEquals(200, other.get("/api/orders/" + id, moving.member()).status(),
                        "another instance routes the tenant by its entry, not by what it was told");
                other.post("/api/orders", moving.member(), Json.order("via the other")).assertStatus(201);
                assertEquals("2", count(shared, ownName, "SELECT count(*) FROM orders WHERE tenant_id = 'movecorp'"));

                Set<String> listed = new HashSet<>();
                Json.parse(server.api.get("/admin/orders", admin).assertStatus(200).body()).get("items")
                        .forEach(item -> listed.add(item.get("tenantId").asText()));
                assertEquals(Set.of("movecorp", neighbour.id().value()), listed);

                server.api.patch("/admin/tenants/movecorp", admin, SUSPEND).assertStatus(200);
                Api.Response holds = server.api.delete("/admin/tenants/movecorp/database", admin).assertProblem(409);
                assertTrue(holds.body().contains("holds 2 rows"), holds.body());
                assertTrue(exists(shared, ownName), "a database holding rows is never dropped");

                String audit = server.api.get("/admin/audit?limit=100", admin).body();
                assertTrue(audit.contains("admin.tenants.database.give"), audit);
                assertTrue(audit.contains("admin.tenants.database.retire"), audit);
            } finally {
                if (second != null) {
                    second.close();
                }
                server.tenantry.close();
                dropIfExists(shared, ownName);
            }
        }
    }

    @Test
    void anEmptyOwnDatabaseIsRetiredAndDroppedAndTheTenantIsBackOnTheSharedOne() throws Exception {
        try (TestDatabase shared = TestDatabase.create(4)) {
            TestServer server = TestServer.start(shared, Duration.ofSeconds(2), Optional.empty(), TierLimits.defaults(),
                    TenantryConfig.Dedicated.none());
            String ownName = shared.name() + "_backcorp";
            try {
                String admin = server.operator.admin();
                server.api.post("/admin/tenants", admin, "{\"id\":\"backcorp\",\"name\":\"Back Corp\",\"tier\":\"enterprise\"}")
                        .assertStatus(201);
                TestTenant back = new TestTenant(io.tenantry.kernel.context.TenantId.of("backcorp"), Tier.ENTERPRISE, server);
                server.api.delete("/admin/tenants/backcorp/database", admin).assertProblem(409);
                server.api.patch("/admin/tenants/backcorp", admin, SUSPEND).assertStatus(200);
                server.api.delete("/admin/tenants/backcorp/database", admin).assertProblem(409);
                server.api.post("/admin/tenants/backcorp/database", admin, "").assertStatus(201);
                assertTrue(exists(shared, ownName));

                Api.Response retired = server.api.delete("/admin/tenants/backcorp/database", admin).assertStatus(200);
                assertEquals("shared", Json.parse(retired.body()).get("database").asText(), retired.body());
                assertFalse(exists(shared, ownName), "the empty database was dropped");
                server.api.patch("/admin/tenants/backcorp", admin, ACTIVATE).assertStatus(200);
                server.api.post("/api/orders", back.member(), Json.order("back home")).assertStatus(201);
                assertEquals("1", shared.query("SELECT count(*) FROM orders WHERE tenant_id = 'backcorp'"));
            } finally {
                server.tenantry.close();
                dropIfExists(shared, ownName);
            }
        }
    }

    private static boolean exists(TestDatabase shared, String database) {
        return "1".equals(shared.query("SELECT count(*) FROM pg_database WHERE datname = '" + database + "'"));
    }

    private static String count(TestDatabase shared, String database, String sql) throws Exception {
        PostgresSettings settings = shared.settings();
        try (Connection owner = DriverManager.getConnection(settings.url().replace("/" + shared.name(), "/" + database),
                settings.migrator().user(), settings.migrator().password());
             Statement statement = owner.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static void dropIfExists(TestDatabase shared, String database) {
        PostgresSettings settings = shared.settings();
        try (Connection owner = DriverManager.getConnection(settings.url(), settings.migrator().user(),
                settings.migrator().password()); Statement statement = owner.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
