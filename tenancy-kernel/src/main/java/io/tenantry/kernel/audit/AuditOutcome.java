package io.tenantry.kernel.audit;

/** Whether audited work completed. A failed bypass is audited too: an attempt is as telling as a success. */
public enum AuditOutcome {
    SUCCESS, FAILURE
}
