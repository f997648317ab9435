package io.tenantry.application.contract;

import io.tenantry.application.notification.Delivery;
import io.tenantry.application.notification.Notification;
import io.tenantry.application.notification.Notifications;
import io.tenantry.kernel.context.MissingTenantContext;
import io.tenantry.kernel.testing.TwoTenants;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.tenantry.kernel.testing.TwoTenants.MEMBER_A;
import static io.tenantry.kernel.testing.TwoTenants.MEMBER_B;
import static io.tenantry.kernel.testing.TwoTenants.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What every sender of notifications does, whichever plan it serves: it sends as the tenant in context and never as
 * another, and refuses to send without one.
 */
public abstract class NotificationsContract {

    /** One notification as its receiver saw it. */
    public record Received(String tenant, String event, String reference) {
    }

    /** The sender under test. */
    protected abstract Notifications notifications();

    /** Everything its receiver has seen so far, in order. */
    protected abstract List<Received> received();

    /** The kind of outcome a successful send has for this sender. */
    protected abstract Class<? extends Delivery> success();

    @Test
    void itSendsAsTheTenantInContext() {
        Delivery delivery = as(MEMBER_A, () -> notifications().send(new Notification("order.placed", "o-1")));
        assertInstanceOf(success(), delivery);
        assertEquals(List.of(new Received(TwoTenants.A.value(), "order.placed", "o-1")), received());
    }

    @Test
    void withoutATenantItSendsNothing() {
        assertThrows(MissingTenantContext.class, () -> notifications().send(new Notification("order.placed", "o-2")));
        assertEquals(List.of(), received());
    }

    @Test
    void interleavedTenantsNeverSendAsEachOther() throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            var identity = i % 2 == 0 ? MEMBER_A : MEMBER_B;
            String reference = identity.tenant().value() + "/" + i;
            threads.add(Thread.ofVirtual().start(() -> as(identity,
                    () -> notifications().send(new Notification("order.placed", reference)))));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        List<Received> all = received();
        assertEquals(100, all.size());
        for (Received one : all) {
            assertEquals(one.tenant(), one.reference().substring(0, one.reference().indexOf('/')), one.toString());
        }
    }
}
