package io.tenantry.application.file;

import org.junit.jupiter.api.Test;

import static io.tenantry.kernel.testing.TwoTenants.A;
import static io.tenantry.kernel.testing.TwoTenants.B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UploadSlotsTest {

    @Test
    void aTenantAtItsBoundIsRefusedWhileAnotherTenantIsServed() {
        UploadSlots slots = new UploadSlots(new UploadBounds(2, 10));
        UploadSlots.Slot first = slots.acquire(A);
        slots.acquire(A);
        assertEquals(UploadsBusy.Bound.TENANT, assertThrows(UploadsBusy.class, () -> slots.acquire(A)).bound());
        slots.acquire(B);
        assertEquals(1, slots.inProgress(B), "positive control: the other tenant is served");
        first.close();
        slots.acquire(A);
        assertEquals(2, slots.inProgress(A), "positive control: a closed slot is free again");
    }

    @Test
    void theServiceAtItsBoundRefusesEveryTenantUntilASlotIsClosed() {
        UploadSlots slots = new UploadSlots(new UploadBounds(2, 3));
        slots.acquire(A);
        UploadSlots.Slot second = slots.acquire(A);
        slots.acquire(B);
        assertEquals(UploadsBusy.Bound.SERVICE, assertThrows(UploadsBusy.class, () -> slots.acquire(B)).bound());
        assertEquals(1, slots.inProgress(B), "a refused upload holds nothing");
        second.close();
        second.close();
        slots.acquire(B);
        assertEquals(UploadsBusy.Bound.SERVICE, assertThrows(UploadsBusy.class, () -> slots.acquire(A)).bound(),
                "a slot closed twice is released once");
        assertEquals(1, slots.inProgress(A));
    }
}
