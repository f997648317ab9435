-- Where a tenant's rows live: NULL for the shared database, otherwise the name of the tenant's own database on the
-- same server, given to it through the admin API. Every instance reads it with the tenant's entry, so an instance
-- that admits a tenant routes its calls where the entry it read says.
ALTER TABLE tenants ADD COLUMN own_database text
    CONSTRAINT tenants_own_database_name CHECK (own_database ~ '^[a-z_][a-z0-9_]{0,62}$');

-- When the tenant's status last changed: its rows move only once it has been suspended for longer than any instance
-- trusts what it read of the tenant, so that no instance still serves it while they move.
ALTER TABLE tenants ADD COLUMN status_changed_at timestamptz NOT NULL DEFAULT now();
