package io.tenantry.application.notification;

/** What became of a notification: a failure to deliver is an outcome the caller decides about, not an exception. */
public sealed interface Delivery {

    /** The receiver acknowledged it. */
    record Delivered(String receiver) implements Delivery {
    }

    /** It was written to the service's log only, as the tenant's plan provides. */
    record Logged() implements Delivery {
    }

    /** The receiver could not be reached or refused it; {@code reason} is for the operator's log. */
    record Failed(String reason) implements Delivery {
    }
}
