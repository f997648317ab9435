package io.tenantry.kernel.storage;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of the current tenant's objects in ascending name order, and the name the next page starts after when
 * more follow.
 */
public record ObjectPage(List<ListedObject> items, Optional<String> nextAfter) {

    /** The most objects one page may ask for (what one S3 listing request returns). */
    public static final int MAX_LIMIT = 1_000;

    public ObjectPage {
        items = List.copyOf(items);
        Objects.requireNonNull(nextAfter, "'nextAfter' must not be null");
    }

    /** Cuts {@code fetched} (read with one extra object) to {@code limit} and derives where the next page starts. */
    public static ObjectPage of(List<ListedObject> fetched, int limit) {
        if (fetched.size() <= limit) {
            return new ObjectPage(fetched, Optional.empty());
        }
        List<ListedObject> page = fetched.subList(0, limit);
        return new ObjectPage(page, Optional.of(page.getLast().name()));
    }

    /** Checks the arguments of {@link ObjectStorage#list}. */
    public static void requireValid(Optional<String> after, int limit) {
        Objects.requireNonNull(after, "'after' must not be null");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("'limit' must be between 1 and " + MAX_LIMIT);
        }
        after.ifPresent(name -> {
            if (!ObjectKey.isValidName(name)) {
                throw new InvalidObjectName(name);
            }
        });
    }
}
