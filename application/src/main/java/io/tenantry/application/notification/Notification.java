package io.tenantry.application.notification;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Something that happened in the current tenant, told to the world outside: an event name such as
 * {@code order.placed} and the id of what it happened to. The tenant is never a field: a sender takes it from the
 * context, so one tenant's code cannot announce an event as another's.
 */
public record Notification(String event, String reference) {

    private static final Pattern EVENT = Pattern.compile("[a-z]+(\\.[a-z]+)+");

    public Notification {
        Objects.requireNonNull(event, "'event' must not be null");
        Objects.requireNonNull(reference, "'reference' must not be null");
        if (!EVENT.matcher(event).matches()) {
            throw new IllegalArgumentException("an event is dotted lower-case words, such as order.placed: " + event);
        }
    }
}
