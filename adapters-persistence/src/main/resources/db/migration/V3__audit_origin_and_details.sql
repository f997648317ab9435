-- Every audit event says which request asked for it and from where, and what it set (a tenant's new tier or
-- status) or why it was refused. Refused attempts at an operator's door are events of their own.
ALTER TABLE audit_log
    ADD COLUMN request_id text NOT NULL DEFAULT '-',
    ADD COLUMN source     text NOT NULL DEFAULT '-',
    ADD COLUMN details    text NOT NULL DEFAULT '';
ALTER TABLE audit_log DROP CONSTRAINT audit_log_outcome_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_outcome_check CHECK (outcome IN ('success', 'failure', 'refused'));
