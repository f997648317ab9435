package io.tenantry.counterexample.invoices;

import org.jdbi.v3.core.Jdbi;

/** Bad example: a quick report through Jdbi's fluent API, outside any SQL object. */
public class InvoiceTotals {
    private final Jdbi jdbi;

    public InvoiceTotals(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    long total() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT sum(amount_cents) FROM invoices")
                .mapTo(Long.class).one());
    }
}
