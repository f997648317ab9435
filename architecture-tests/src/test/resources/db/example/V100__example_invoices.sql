-- A team's own tenant table, added beside Tenantry's (versions from 100 up are the team's): the tenant leads the
-- keys, row-level security is enabled and forced, the tenant predicate is a restrictive policy with a permissive
-- twin, and the application role gets only what it needs.
CREATE TABLE invoices (
    tenant_id    text   NOT NULL REFERENCES tenants (id),
    id           uuid   NOT NULL,
    order_id     uuid   NOT NULL,
    amount_cents bigint NOT NULL CHECK (amount_cents >= 0),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, order_id) REFERENCES orders (tenant_id, id) ON DELETE CASCADE
);

ALTER TABLE invoices ENABLE ROW LEVEL SECURITY;
ALTER TABLE invoices FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON invoices AS RESTRICTIVE TO ${app_role}
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), ''))
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), ''));
CREATE POLICY tenant_rows ON invoices TO ${app_role}
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), ''))
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), ''));

REVOKE ALL ON invoices FROM PUBLIC;
GRANT SELECT, INSERT, UPDATE, DELETE ON invoices TO ${app_role};
