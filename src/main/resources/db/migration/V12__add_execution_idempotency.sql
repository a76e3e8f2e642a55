-- Idempotency-Key of POST /api/execute/* (api.md §5): a second request with the same key and
-- tenant returns the first execution. NULL keys never collide.
ALTER TABLE execution_history ADD COLUMN idempotency_key varchar(255);
ALTER TABLE execution_history
    ADD CONSTRAINT uq_execution_history_idempotency UNIQUE (tenant_id, idempotency_key);
