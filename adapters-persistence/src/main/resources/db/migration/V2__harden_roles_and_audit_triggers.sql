-- The audit log's append-only triggers fire in every session, also one that sets
-- session_replication_role = replica (which silences ordinary triggers).
ALTER TABLE audit_log ENABLE ALWAYS TRIGGER audit_log_no_update_or_delete;
ALTER TABLE audit_log ENABLE ALWAYS TRIGGER audit_log_no_truncate;

-- Temporary tables are a place to stage data outside row-level security: no role gets them by default.
REVOKE TEMPORARY ON DATABASE "${flyway:database}" FROM PUBLIC;
REVOKE TEMPORARY ON DATABASE "${flyway:database}" FROM ${app_role}, ${bypass_role};
