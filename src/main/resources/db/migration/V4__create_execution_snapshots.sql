-- Execution storage is split in two tables:
--   execution_history (V5): ONE row per execution, written when it starts and updated until it
--     finishes (status, progress, result, error …). It is what lists, status reads and quotas use,
--     and it is kept forever (also when the flow is deleted).
--   execution_snapshots (this file): the run state of an execution that has NOT finished (engine
--     data that lets a run be inspected or resumed on another replica). It is rewritten on every
--     checkpoint, so it lives apart from the history row (no rewriting of the history row and its
--     indexes for each checkpoint), and the store deletes it when the execution reaches a terminal
--     status (completed, failed, cancelled). The Execution record's `snapshot` field maps here.
CREATE TABLE execution_snapshots (
    execution_id uuid PRIMARY KEY,
    tenant_id    uuid        NOT NULL,
    snapshot     jsonb       NOT NULL,
    updated_at   timestamptz NOT NULL DEFAULT now()
);
-- the foreign key to execution_history is added in V5, once that table exists
