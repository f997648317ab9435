package io.tenantry.domain.order;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One product on an order.
 *
 * @param sku            the product code, 1..64 of {@code [A-Za-z0-9._-]}
 * @param quantity       how many, 1..1 000 000
 * @param unitPriceCents price of one in cents, 0..1 000 000 000
 */
public record OrderLine(String sku, int quantity, long unitPriceCents) {

    private static final Pattern SKU = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    public static final int MAX_QUANTITY = 1_000_000;
    public static final long MAX_UNIT_PRICE_CENTS = 1_000_000_000L;

    public OrderLine {
        Objects.requireNonNull(sku, "'sku' must not be null");
        if (!SKU.matcher(sku).matches()) {
            throw new IllegalArgumentException("'sku' must be 1..64 of [A-Za-z0-9._-]");
        }
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new IllegalArgumentException("'quantity' must be between 1 and " + MAX_QUANTITY);
        }
        if (unitPriceCents < 0 || unitPriceCents > MAX_UNIT_PRICE_CENTS) {
            throw new IllegalArgumentException("'unitPriceCents' must be between 0 and " + MAX_UNIT_PRICE_CENTS);
        }
    }

    /** Quantity times unit price; cannot overflow within the bounds above. */
    public long totalCents() {
        return quantity * unitPriceCents;
    }
}
