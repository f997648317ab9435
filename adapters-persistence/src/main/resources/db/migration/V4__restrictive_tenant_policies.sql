-- The tenant predicate becomes a RESTRICTIVE policy on every tenant table. PostgreSQL ORs permissive policies
-- together, so a later permissive policy (say, one for "public" rows) would widen every tenant's view if the
-- predicate were permissive; a restrictive policy is ANDed with whatever else applies. Restrictive policies alone
-- grant no rows, so a permissive policy with the same predicate stands beside each one.
DROP POLICY tenant_isolation ON tenants;
CREATE POLICY tenant_isolation ON tenants AS RESTRICTIVE TO ${app_role}
    USING (id = NULLIF(current_setting('app.tenant_id', true), ''))
    WITH CHECK (id = NULLIF(current_setting('app.tenant_id', true), ''));
CREATE POLICY tenant_rows ON tenants TO ${app_role}
    USING (id = NULLIF(current_setting('app.tenant_id', true), ''))
    WITH CHECK (id = NULLIF(current_setting('app.tenant_id', true), ''));

DROP POLICY tenant_isolation ON users;
CREATE POLICY tenant_isolation ON users AS RESTRICTIVE TO ${app_role}
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), ''))
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), ''));
CREATE POLICY tenant_rows ON users TO ${app_role}
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), ''))
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), ''));

DROP POLICY tenant_isolation ON orders;
CREATE POLICY tenant_isolation ON orders AS RESTRICTIVE TO ${app_role}
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), ''))
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), ''));
CREATE POLICY tenant_rows ON orders TO ${app_role}
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), ''))
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), ''));

DROP POLICY tenant_isolation ON order_lines;
CREATE POLICY tenant_isolation ON order_lines AS RESTRICTIVE TO ${app_role}
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), ''))
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), ''));
CREATE POLICY tenant_rows ON order_lines TO ${app_role}
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), ''))
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), ''));

DROP POLICY tenant_isolation ON idempotency_keys;
CREATE POLICY tenant_isolation ON idempotency_keys AS RESTRICTIVE TO ${app_role}
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), ''))
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), ''));
CREATE POLICY tenant_rows ON idempotency_keys TO ${app_role}
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), ''))
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), ''));
