package io.tenantry.kernel.audit;

/**
 * Whether audited work completed. A failed bypass is audited too, and so is an attempt refused before it ran (a
 * caller without the operator's role at an operator's door): an attempt is as telling as a success.
 */
public enum AuditOutcome {
    SUCCESS, FAILURE, REFUSED
}
