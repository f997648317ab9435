package io.tenantry.application.order;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Only what {@link OrderCursor#encode()} gives out decodes, and only times a database can hold are cursors. */
class OrderCursorTest {

    private static final UUID ID = UUID.fromString("3f2b7c1e-9a4d-4e8b-8c6f-1d2e3f4a5b6c");

    @Test
    void aCursorDecodesToItself() {
        for (Instant at : new Instant[] {Instant.parse("2026-11-26T10:00:00.123456Z"), OrderCursor.EARLIEST, OrderCursor.LATEST}) {
            OrderCursor cursor = new OrderCursor(at, ID);
            assertEquals(Optional.of(cursor), OrderCursor.decode(cursor.encode()));
        }
    }

    @Test
    void timesOutsideYearsOneTo9999AreNoCursor() {
        assertThrows(IllegalArgumentException.class, () -> new OrderCursor(OrderCursor.LATEST.plusNanos(1), ID));
        assertThrows(IllegalArgumentException.class, () -> new OrderCursor(OrderCursor.EARLIEST.minusNanos(1), ID));
        assertTrue(OrderCursor.decode(encoded(Instant.MAX.getEpochSecond() + ".0." + ID)).isEmpty());
        assertTrue(OrderCursor.decode(encoded("9400000000000.0." + ID)).isEmpty());
        assertTrue(OrderCursor.decode(encoded(Long.MAX_VALUE + "." + Long.MAX_VALUE + "." + ID)).isEmpty());
    }

    @Test
    void nonCanonicalSpellingsAreNoCursor() {
        assertTrue(OrderCursor.decode(encoded("1.0." + ID)).isPresent(), "positive control");
        for (String plain : new String[] {"+1.0." + ID, "01.0." + ID, "1.00." + ID, "1.1000000000." + ID, "1.-1." + ID,
                "1.0." + ID.toString().toUpperCase(java.util.Locale.ROOT), "1.0.1-1-1-1-1"}) {
            assertTrue(OrderCursor.decode(encoded(plain)).isEmpty(), plain);
        }
        assertTrue(OrderCursor.decode(encoded("1.0." + ID) + "=").isEmpty(), "padding is not what encode gives out");
    }

    private static String encoded(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }
}
