package io.tenantry.application.limits;

import io.tenantry.kernel.context.Tier;

import java.util.Optional;

/**
 * Counts a request of the current tenant against its tier's budget, and against its operation's own budget when the
 * operation has one: the in-port the web adapter's admission goes through.
 */
public interface AdmitRequestUseCase {

    /** {@code operation}: the name of what the request does ({@code orders.place}), when the route names one. */
    Admission admit(Tier tier, Optional<String> operation);
}
