package io.tenantry.bootstrap;

import io.tenantry.bootstrap.Api.Response;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /api/files} end to end, in the tenant's storage backend. */
class FilesApiTest extends TwoTenantsApiTest {

    @Test
    void aFileIsCreatedReplacedReadListedAndDeleted() {
        Response created = put(a.member(), "notes.txt", "first", "text/plain");
        assertEquals(201, created.status(), created.body());
        assertEquals("notes.txt", Json.parse(created.body()).get("name").asText());
        assertEquals(5, Json.parse(created.body()).get("size").asLong());
        Response replaced = put(a.member(), "notes.txt", "second!", "text/plain");
        assertEquals(200, replaced.status());
        Response read = api.get("/api/files/notes.txt", a.member());
        assertEquals("second!", read.body());
        assertTrue(read.contentType().startsWith("text/plain"));
        assertEquals(Json.parse(replaced.body()).get("etag").asText(), read.header("ETag").orElseThrow());
        assertEquals(1, Json.parse(api.get("/api/files", a.member()).body()).get("items").size());
        assertEquals(204, api.delete("/api/files/notes.txt", a.member()).status());
        api.get("/api/files/notes.txt", a.member()).assertProblem(404);
    }

    @Test
    void anUploadedPageIsDownloadedAsAnAttachmentThatCanRunNothing() {
        String page = "<html><script>fetch('/api/orders')</script></html>";
        assertEquals(201, put(a.member(), "page.html", page, "text/html").status());
        Response read = api.get("/api/files/page.html", a.member());
        assertEquals(200, read.status());
        assertEquals(page, read.body(), "positive control: the bytes come back unchanged");
        assertTrue(read.contentType().startsWith("text/html"), "with the uploader's type");
        assertEquals("nosniff", read.header("X-Content-Type-Options").orElse(null));
        assertEquals("attachment; filename=\"page.html\"", read.header("Content-Disposition").orElse(null));
        assertEquals("default-src 'none'; sandbox", read.header("Content-Security-Policy").orElse(null));
    }

    @Test
    void everyDownloadIsAnAttachmentNamedAfterTheFile() {
        put(a.member(), "report-2026.v1_final.csv", "a,b", "text/csv");
        Response read = api.get("/api/files/report-2026.v1_final.csv", a.member());
        assertEquals("a,b", read.body());
        assertEquals("attachment; filename=\"report-2026.v1_final.csv\"", read.header("Content-Disposition").orElse(null));
        assertEquals("nosniff", read.header("X-Content-Type-Options").orElse(null));
    }

    @Test
    void anotherTenantsFileIsA404IdenticalToAMissingOne() {
        put(a.member(), "contract.pdf", "secret of A", "application/pdf");
        Response foreign = api.get("/api/files/contract.pdf", b.member()).assertProblem(404);
        Response missing = api.get("/api/files/never.pdf", b.member()).assertProblem(404);
        assertEquals(missing.body(), foreign.body());
        api.delete("/api/files/contract.pdf", b.member()).assertProblem(404);
        assertEquals(0, Json.parse(api.get("/api/files", b.member()).body()).get("items").size());
        assertEquals("secret of A", api.get("/api/files/contract.pdf", a.member()).body(), "positive control");
    }

    @Test
    void badNamesAndOversizedFilesAreRefused() {
        put(a.member(), "..", "x", "text/plain").assertProblem(400);
        put(a.member(), "a%2Fb", "x", "text/plain").assertProblem(400);
        put(a.member(), "x".repeat(129), "x", "text/plain").assertProblem(400);
        api.get("/api/files/..%2F..%2Fetc%2Fpasswd", a.member()).assertProblem(404);
        byte[] tooBig = new byte[(int) io.tenantry.adapters.web.WebSettings.TEN_MIB + 1];
        api.sendBytes("PUT", "/api/files/big.bin", a.member(), tooBig, "Content-Type", "application/octet-stream")
                .assertProblem(413);
        api.get("/api/files/big.bin", a.member()).assertProblem(404);
        assertEquals(201, put(a.member(), "ok.bin", "fits", "application/octet-stream").status(), "positive control");
    }

    @Test
    void theListingComesInPagesWithSizesAndRefusesBadParameters() {
        var tenant = server.newTenant(io.tenantry.kernel.context.Tier.PRO);
        for (String name : java.util.List.of("c.txt", "a.txt", "b.txt")) {
            put(tenant.member(), name, name + "!", "text/plain");
        }
        var first = Json.parse(api.get("/api/files?limit=2", tenant.member()).body());
        assertEquals("a.txt", first.get("items").get(0).get("name").asText());
        assertEquals(6, first.get("items").get(0).get("size").asLong());
        assertEquals(2, first.get("items").size());
        String cursor = first.get("nextCursor").asText();
        var second = Json.parse(api.get("/api/files?limit=2&cursor=" + cursor, tenant.member()).body());
        assertEquals("c.txt", second.get("items").get(0).get("name").asText());
        assertTrue(second.get("nextCursor").isNull(), "the last page has no next cursor");
        assertEquals(3, Json.parse(api.get("/api/files", tenant.member()).body()).get("items").size(),
                "positive control: the default page holds them all");
        api.get("/api/files?cursor=not-a-cursor", tenant.member()).assertProblem(400);
        api.get("/api/files?cursor=Li4", tenant.member()).assertProblem(400); // base64url of ".."
        api.get("/api/files?limit=0", tenant.member()).assertProblem(400);
        api.get("/api/files?limit=1001", tenant.member()).assertProblem(400);
        assertEquals(200, api.get("/api/files?limit=1000", tenant.member()).status(), "positive control: 1000 is allowed");
    }

    private Response put(String token, String name, String content, String type) {
        return api.sendBytes("PUT", "/api/files/" + name, token, content.getBytes(StandardCharsets.UTF_8), "Content-Type", type);
    }
}
