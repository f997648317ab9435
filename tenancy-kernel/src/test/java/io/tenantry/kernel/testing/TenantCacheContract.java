package io.tenantry.kernel.testing;

import io.tenantry.kernel.cache.CacheKey;
import io.tenantry.kernel.cache.CacheTag;
import io.tenantry.kernel.cache.TenantCache;
import io.tenantry.kernel.context.TenantId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import static io.tenantry.kernel.testing.TwoTenants.MEMBER_A;
import static io.tenantry.kernel.testing.TwoTenants.MEMBER_B;
import static io.tenantry.kernel.testing.TwoTenants.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What every {@link TenantCache} must do, run against each adapter. Values are plain records. */
public abstract class TenantCacheContract {

    /** A cached value of the shape use cases store. */
    public record Profile(TenantId tenant, String name, Instant since) {
    }

    private static final Duration MINUTE = Duration.ofMinutes(1);

    /** An empty cache. */
    protected abstract TenantCache freshCache();

    private TenantCache cache;

    @BeforeEach
    void emptyCache() {
        cache = freshCache();
    }

    @Test
    void aValuePutIsReadBackEqual() {
        Profile ann = new Profile(TwoTenants.A, "Ann", Instant.parse("2026-11-26T10:00:00.123456Z"));
        as(MEMBER_A, () -> cache.put(CacheKey.of("profile", "1"), ann, MINUTE, Set.of()));
        assertEquals(Optional.of(ann), as(MEMBER_A, () -> cache.get(CacheKey.of("profile", "1"), Profile.class)));
    }

    @Test
    void tenantBNeverReadsTenantAsEntryUnderTheSameName() {
        Profile ann = new Profile(TwoTenants.A, "Ann", Instant.EPOCH);
        as(MEMBER_A, () -> cache.put(CacheKey.of("profile", "1"), ann, MINUTE, Set.of()));
        assertEquals(Optional.empty(), as(MEMBER_B, () -> cache.get(CacheKey.of("profile", "1"), Profile.class)));
        assertEquals(Optional.of(ann), as(MEMBER_A, () -> cache.get(CacheKey.of("profile", "1"), Profile.class)));
    }

    @Test
    void invalidatingAKeyOrATagDropsOnlyThoseEntries() {
        Profile one = new Profile(TwoTenants.A, "One", Instant.EPOCH);
        Profile two = new Profile(TwoTenants.A, "Two", Instant.EPOCH);
        Profile other = new Profile(TwoTenants.B, "Other", Instant.EPOCH);
        as(MEMBER_A, () -> cache.put(CacheKey.of("profile", "1"), one, MINUTE, Set.of(CacheTag.of("user", "7"))));
        as(MEMBER_A, () -> cache.put(CacheKey.of("profile", "2"), two, MINUTE, Set.of(CacheTag.of("user", "8"))));
        as(MEMBER_B, () -> cache.put(CacheKey.of("profile", "1"), other, MINUTE, Set.of(CacheTag.of("user", "7"))));
        as(MEMBER_A, () -> cache.invalidateTag(CacheTag.of("user", "7")));
        assertEquals(Optional.empty(), as(MEMBER_A, () -> cache.get(CacheKey.of("profile", "1"), Profile.class)));
        assertEquals(Optional.of(two), as(MEMBER_A, () -> cache.get(CacheKey.of("profile", "2"), Profile.class)));
        assertEquals(Optional.of(other), as(MEMBER_B, () -> cache.get(CacheKey.of("profile", "1"), Profile.class)),
                "tenant B's entry under the same tag name is untouched");
        as(MEMBER_A, () -> cache.invalidate(CacheKey.of("profile", "2")));
        assertEquals(Optional.empty(), as(MEMBER_A, () -> cache.get(CacheKey.of("profile", "2"), Profile.class)));
    }

    @Test
    void entriesExpire() throws InterruptedException {
        Profile ann = new Profile(TwoTenants.A, "Ann", Instant.EPOCH);
        as(MEMBER_A, () -> cache.put(CacheKey.of("profile", "1"), ann, Duration.ofMillis(200), Set.of()));
        assertEquals(Optional.of(ann), as(MEMBER_A, () -> cache.get(CacheKey.of("profile", "1"), Profile.class)));
        Thread.sleep(400);
        assertEquals(Optional.empty(), as(MEMBER_A, () -> cache.get(CacheKey.of("profile", "1"), Profile.class)));
    }
}
