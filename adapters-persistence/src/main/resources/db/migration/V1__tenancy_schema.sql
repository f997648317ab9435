-- Tenantry schema. Run by the owner/migrator role; ${app_role} and ${bypass_role} are placeholders for the
-- application role (filtered by row-level security) and the bypass role (used only by the audited bypass).
--
-- Every tenant table: tenant_id leads every primary, unique and foreign key; ENABLE + FORCE ROW LEVEL SECURITY;
-- a policy for the application role with USING and WITH CHECK on the transaction-local setting app.tenant_id,
-- wrapped in NULLIF so that a missing or empty setting matches nothing (fail closed).

REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO ${app_role}, ${bypass_role};

-- Control plane: one row per tenant. A tenant may read its own row (authentication needs its status and tier).
CREATE TABLE tenants (
    id          text        PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    tier        text        NOT NULL CHECK (tier IN ('free', 'pro', 'enterprise')),
    status      text        NOT NULL CHECK (status IN ('active', 'suspended')),
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
    tenant_id   text        NOT NULL REFERENCES tenants (id),
    id          uuid        NOT NULL,
    email       text        NOT NULL CHECK (email = lower(email)),
    name        text        NOT NULL,
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT users_email_per_tenant UNIQUE (tenant_id, email)
);

CREATE TABLE orders (
    tenant_id   text        NOT NULL REFERENCES tenants (id),
    id          uuid        NOT NULL,
    customer    text        NOT NULL,
    status      text        NOT NULL CHECK (status IN ('open', 'paid', 'shipped', 'cancelled')),
    total_cents bigint      NOT NULL CHECK (total_cents >= 0),
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
-- keyset pagination: newest first within a tenant
CREATE INDEX orders_newest_first ON orders (tenant_id, created_at DESC, id DESC);

CREATE TABLE order_lines (
    tenant_id        text   NOT NULL,
    order_id         uuid   NOT NULL,
    line_no          int    NOT NULL,
    sku              text   NOT NULL,
    quantity         int    NOT NULL CHECK (quantity > 0),
    unit_price_cents bigint NOT NULL CHECK (unit_price_cents >= 0),
    PRIMARY KEY (tenant_id, order_id, line_no),
    -- a line can only reference an order of its own tenant
    FOREIGN KEY (tenant_id, order_id) REFERENCES orders (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE idempotency_keys (
    tenant_id    text        NOT NULL REFERENCES tenants (id),
    key          text        NOT NULL,
    request_hash text        NOT NULL,
    claimed_at   timestamptz NOT NULL,
    status       int,
    body         text,
    location     text,
    PRIMARY KEY (tenant_id, key)
);

-- Append-only record of cross-tenant work. Not a tenant table: only the bypass role reads and writes it.
CREATE TABLE audit_log (
    seq           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id            uuid        NOT NULL UNIQUE,
    at            timestamptz NOT NULL,
    actor         text        NOT NULL,
    actor_tenant  text        NOT NULL,
    action        text        NOT NULL,
    target_scope  text        NOT NULL,
    justification text        NOT NULL CHECK (length(btrim(justification)) > 0),
    outcome       text        NOT NULL CHECK (outcome IN ('success', 'failure')),
    rows          bigint      NOT NULL CHECK (rows >= 0)
);
CREATE INDEX audit_log_newest_first ON audit_log (at DESC, seq DESC);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();

-- Row-level security on every tenant table, for the application role.
ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenants FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenants TO ${app_role}
    USING (id = NULLIF(current_setting('app.tenant_id', true), ''))
    WITH CHECK (id = NULLIF(current_setting('app.tenant_id', true), ''));

ALTER TABLE users ENABLE ROW LEVEL SECURITY;
ALTER TABLE users FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON users TO ${app_role}
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), ''))
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), ''));

ALTER TABLE orders ENABLE ROW LEVEL SECURITY;
ALTER TABLE orders FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON orders TO ${app_role}
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), ''))
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), ''));

ALTER TABLE order_lines ENABLE ROW LEVEL SECURITY;
ALTER TABLE order_lines FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON order_lines TO ${app_role}
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), ''))
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), ''));

ALTER TABLE idempotency_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE idempotency_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON idempotency_keys TO ${app_role}
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), ''))
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), ''));

-- The bypass role reads every tenant's rows (it is reached only through the audited bypass) and manages the
-- control plane; it cannot change tenant data.
CREATE POLICY audited_bypass_read ON users FOR SELECT TO ${bypass_role} USING (true);
CREATE POLICY audited_bypass_read ON orders FOR SELECT TO ${bypass_role} USING (true);
CREATE POLICY audited_bypass_read ON order_lines FOR SELECT TO ${bypass_role} USING (true);
CREATE POLICY audited_bypass_read ON idempotency_keys FOR SELECT TO ${bypass_role} USING (true);
CREATE POLICY audited_bypass_manage ON tenants TO ${bypass_role} USING (true) WITH CHECK (true);

-- Grants: the application role owns nothing and has no TRUNCATE or REFERENCES.
REVOKE ALL ON tenants, users, orders, order_lines, idempotency_keys, audit_log FROM PUBLIC;
GRANT SELECT ON tenants TO ${app_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON users, orders, order_lines, idempotency_keys TO ${app_role};
GRANT SELECT ON users, orders, order_lines, idempotency_keys TO ${bypass_role};
GRANT SELECT, INSERT, UPDATE ON tenants TO ${bypass_role};
GRANT SELECT, INSERT ON audit_log TO ${bypass_role};
