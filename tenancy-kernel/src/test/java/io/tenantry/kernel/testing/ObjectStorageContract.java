package io.tenantry.kernel.testing;

import io.tenantry.kernel.context.MissingTenantContext;
import io.tenantry.kernel.storage.ListedObject;
import io.tenantry.kernel.storage.ObjectContent;
import io.tenantry.kernel.storage.ObjectPage;
import io.tenantry.kernel.storage.ObjectKey;
import io.tenantry.kernel.storage.ObjectStorage;
import io.tenantry.kernel.storage.ObjectTooLarge;
import io.tenantry.kernel.storage.PutOutcome;
import io.tenantry.kernel.storage.StoredObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Optional;

import static io.tenantry.kernel.testing.TwoTenants.MEMBER_A;
import static io.tenantry.kernel.testing.TwoTenants.MEMBER_B;
import static io.tenantry.kernel.testing.TwoTenants.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every {@link ObjectStorage} must do, run against each adapter; each negative has its positive control. */
public abstract class ObjectStorageContract {

    private static final long LIMIT = 1_024;

    /** An empty storage. */
    protected abstract ObjectStorage freshStorage();

    private ObjectStorage storage;

    @BeforeEach
    void emptyStorage() {
        storage = freshStorage();
    }

    @Test
    void anObjectIsCreatedThenReplacedAndReadBack() {
        PutOutcome first = put(MEMBER_A, "logo.png", "one", "image/png");
        StoredObject created = assertInstanceOf(PutOutcome.Created.class, first).object();
        assertEquals(new StoredObject("logo.png", 3, "image/png", created.etag()), created);
        PutOutcome second = put(MEMBER_A, "logo.png", "two!", "image/png");
        StoredObject replaced = assertInstanceOf(PutOutcome.Replaced.class, second).object();
        assertNotEquals(created.etag(), replaced.etag(), "the ETag follows the content");
        assertEquals("two!", read(MEMBER_A, "logo.png").orElseThrow());
    }

    @Test
    void theEtagIsTheSha256OfTheBytesWhateverTheBackend() {
        StoredObject stored = put(MEMBER_A, "one.txt", "one", "text/plain").object();
        assertEquals("\"" + sha256("one".getBytes(StandardCharsets.UTF_8)) + "\"", stored.etag());
        assertEquals(stored.etag(), as(MEMBER_A, () -> storage.get(ObjectKey.of("one.txt")).map(content -> {
            try (content) {
                return content.metadata().etag();
            }
        })).orElseThrow(), "the same on reading");
    }

    @Test
    void anObjectOfManyMegabytesKeepsItsBytesAndItsSha256() {
        // more than two 5 MiB parts, not a multiple of the part size
        byte[] bytes = new byte[12 * 1024 * 1024 + 3];
        new Random(42).nextBytes(bytes);
        StoredObject stored = as(MEMBER_A, () -> storage.put(ObjectKey.of("large.bin"), new ByteArrayInputStream(bytes),
                "application/octet-stream", bytes.length)).object();
        assertEquals(new StoredObject("large.bin", bytes.length, "application/octet-stream",
                "\"" + sha256(bytes) + "\""), stored);
        byte[] read = as(MEMBER_A, () -> storage.get(ObjectKey.of("large.bin")).map(content -> {
            try (content) {
                assertEquals(stored.etag(), content.metadata().etag());
                return content.body().readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        })).orElseThrow();
        assertTrue(Arrays.equals(bytes, read), "the bytes come back unchanged");
        assertThrows(ObjectTooLarge.class, () -> as(MEMBER_A, () -> storage.put(ObjectKey.of("large.bin"),
                new ByteArrayInputStream(bytes), "application/octet-stream", bytes.length - 1)));
        assertEquals(stored.etag(), as(MEMBER_A, () -> storage.get(ObjectKey.of("large.bin")).map(content -> {
            try (content) {
                return content.metadata().etag();
            }
        })).orElseThrow(), "a refused replacement leaves the object as it was");
    }

    @Test
    void tenantBCannotReadListOrDeleteTenantAsObject() {
        put(MEMBER_A, "contract.pdf", "secret of A", "application/pdf");
        assertEquals(Optional.empty(), read(MEMBER_B, "contract.pdf"));
        assertEquals(List.of(), names(MEMBER_B));
        assertEquals(Optional.empty(), as(MEMBER_B, () -> storage.stat(ObjectKey.of("contract.pdf"))));
        assertFalse(as(MEMBER_B, () -> storage.delete(ObjectKey.of("contract.pdf"))));
        assertEquals("secret of A", read(MEMBER_A, "contract.pdf").orElseThrow(), "positive control");
        assertEquals(List.of("contract.pdf"), names(MEMBER_A));
        assertEquals(11, as(MEMBER_A, () -> storage.stat(ObjectKey.of("contract.pdf"))).orElseThrow().size());
    }

    @Test
    void twoTenantsCanUseTheSameName() {
        put(MEMBER_A, "report.csv", "a", "text/csv");
        put(MEMBER_B, "report.csv", "bb", "text/csv");
        assertEquals("a", read(MEMBER_A, "report.csv").orElseThrow());
        assertEquals("bb", read(MEMBER_B, "report.csv").orElseThrow());
        assertTrue(as(MEMBER_B, () -> storage.delete(ObjectKey.of("report.csv"))));
        assertEquals("a", read(MEMBER_A, "report.csv").orElseThrow());
    }

    @Test
    void anOversizedObjectIsRefusedAndNothingIsStored() {
        String big = "x".repeat((int) LIMIT + 1);
        assertThrows(ObjectTooLarge.class, () -> put(MEMBER_A, "big.bin", big, "application/octet-stream"));
        assertEquals(Optional.empty(), read(MEMBER_A, "big.bin"));
        put(MEMBER_A, "big.bin", "x".repeat((int) LIMIT), "application/octet-stream");
        assertEquals(LIMIT, read(MEMBER_A, "big.bin").orElseThrow().length(), "positive control: the limit itself fits");
    }

    @Test
    void aListIsSortedByNameAndADeleteRemoves() {
        put(MEMBER_A, "b.txt", "b", "text/plain");
        put(MEMBER_A, "a.txt", "a", "text/plain");
        assertEquals(List.of("a.txt", "b.txt"), names(MEMBER_A));
        assertTrue(as(MEMBER_A, () -> storage.delete(ObjectKey.of("a.txt"))));
        assertFalse(as(MEMBER_A, () -> storage.delete(ObjectKey.of("a.txt"))));
        assertEquals(List.of("b.txt"), names(MEMBER_A));
    }

    @Test
    void aListingComesInPagesByNameWithTheSizesOfTheObjects() {
        for (String name : List.of("e.txt", "b.txt", "d.txt", "a.txt", "c.txt")) {
            put(MEMBER_A, name, name.repeat(name.charAt(0) - 'a' + 1), "text/plain");
        }
        put(MEMBER_B, "b0.txt", "of B", "text/plain");
        ObjectPage first = as(MEMBER_A, () -> storage.list(Optional.empty(), 2));
        assertEquals(List.of(new ListedObject("a.txt", 5), new ListedObject("b.txt", 10)), first.items());
        assertEquals(Optional.of("b.txt"), first.nextAfter());
        ObjectPage second = as(MEMBER_A, () -> storage.list(first.nextAfter(), 2));
        assertEquals(List.of(new ListedObject("c.txt", 15), new ListedObject("d.txt", 20)), second.items(),
                "tenant B's b0.txt, which sorts in between, is not A's");
        ObjectPage last = as(MEMBER_A, () -> storage.list(second.nextAfter(), 2));
        assertEquals(List.of(new ListedObject("e.txt", 25)), last.items());
        assertEquals(Optional.empty(), last.nextAfter(), "the last page says so");
        assertEquals(5, as(MEMBER_A, () -> storage.list(Optional.empty(), ObjectPage.MAX_LIMIT)).items().size(),
                "positive control: one page of the largest size holds them all");
        assertEquals(Optional.empty(), as(MEMBER_A, () -> storage.list(Optional.empty(), 5)).nextAfter(),
                "a page that holds exactly the rest has no next page");
        assertThrows(IllegalArgumentException.class, () -> as(MEMBER_A, () -> storage.list(Optional.empty(), 0)));
        assertThrows(IllegalArgumentException.class, () -> as(MEMBER_A,
                () -> storage.list(Optional.empty(), ObjectPage.MAX_LIMIT + 1)));
    }

    @Test
    void statTellsWhatIsStoredWithoutReadingIt() {
        StoredObject stored = put(MEMBER_A, "logo.png", "png!", "image/png").object();
        assertEquals(Optional.of(stored), as(MEMBER_A, () -> storage.stat(ObjectKey.of("logo.png"))));
        assertEquals(Optional.empty(), as(MEMBER_A, () -> storage.stat(ObjectKey.of("missing.png"))));
    }

    @Test
    void withoutATenantNothingRuns() {
        assertThrows(MissingTenantContext.class, () -> storage.list(Optional.empty(), 10));
        assertThrows(MissingTenantContext.class, () -> ObjectKey.of("a.txt"));
    }

    private List<String> names(io.tenantry.kernel.context.TenantIdentity who) {
        return as(who, () -> storage.list(Optional.empty(), ObjectPage.MAX_LIMIT)).items().stream()
                .map(ListedObject::name).toList();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private PutOutcome put(io.tenantry.kernel.context.TenantIdentity who, String name, String content, String type) {
        return as(who, () -> storage.put(ObjectKey.of(name),
                new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), type, LIMIT));
    }

    private Optional<String> read(io.tenantry.kernel.context.TenantIdentity who, String name) {
        return as(who, () -> storage.get(ObjectKey.of(name)).map(ObjectContentReader::text));
    }

    /** Reads an object's bytes as text and closes it. */
    private static final class ObjectContentReader {
        static String text(ObjectContent content) {
            try (content) {
                return new String(content.body().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
