package io.tenantry.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantry.bootstrap.Api.Response;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code /api/users} end to end. */
class UsersApiTest extends TwoTenantsApiTest {

    @Test
    void theSameEmailWorksInTwoTenantsButOnceWithinOne() {
        Response inA = api.post("/api/users", a.member(), "{\"email\":\"ann@example.com\",\"name\":\"Ann\"}");
        assertEquals(201, inA.status(), inA.body());
        assertEquals(201, api.post("/api/users", b.member(), "{\"email\":\"ann@example.com\",\"name\":\"Ann B\"}").status());
        api.post("/api/users", a.member(), "{\"email\":\"ANN@example.com\",\"name\":\"Other\"}").assertProblem(409);
    }

    @Test
    void aUserIsReadAndUpdatedOnlyByItsTenant() {
        JsonNode ann = Json.parse(api.post("/api/users", a.member(), "{\"email\":\"ann@example.com\",\"name\":\"Ann\"}").body());
        String path = "/api/users/" + ann.get("id").asText();
        assertEquals(ann, Json.parse(api.get(path, a.member()).body()));
        api.get(path, b.member()).assertProblem(404);
        api.patch(path, b.member(), "{\"name\":\"Hijacked\"}").assertProblem(404);
        Response renamed = api.patch(path, a.member(), "{\"name\":\"Annie\"}");
        assertEquals(200, renamed.status(), renamed.body());
        assertEquals("Annie", Json.parse(api.get(path, a.member()).body()).get("name").asText(),
                "the update invalidated the cached user");
    }

    @Test
    void anUpdateCannotTakeAnotherUsersEmail() {
        api.post("/api/users", a.member(), "{\"email\":\"ann@example.com\",\"name\":\"Ann\"}");
        String bob = Json.parse(api.post("/api/users", a.member(), "{\"email\":\"bob@example.com\",\"name\":\"Bob\"}").body())
                .get("id").asText();
        api.patch("/api/users/" + bob, a.member(), "{\"email\":\"ann@example.com\"}").assertProblem(409);
        assertEquals(200, api.patch("/api/users/" + bob, a.member(), "{\"email\":\"bobby@example.com\"}").status());
    }

    @Test
    void invalidUsersAre400() {
        api.post("/api/users", a.member(), "{\"email\":\"not-an-email\",\"name\":\"Ann\"}").assertProblem(400);
        api.post("/api/users", a.member(), "{\"email\":\"ann@example.com\"}").assertProblem(400);
        api.post("/api/users", a.member(), "{\"email\":\"ann@example.com\",\"name\":\"  \"}").assertProblem(400);
    }
}
