-- One row per execution, from start to finish (see V4 for how snapshots relate).
-- flow_id/version_id are NULL for direct runs (reported as "direct") and have no foreign key:
-- history outlives deleted flows. parent_execution_id links flow:// children to their caller.
CREATE TABLE execution_history (
    id                  uuid PRIMARY KEY,
    tenant_id           uuid             NOT NULL,
    flow_id             uuid,
    flow_name           varchar(255),
    version_id          uuid,
    status              varchar(20)      NOT NULL
        CHECK (status IN ('pending', 'running', 'waiting', 'completed', 'failed', 'cancelled')),
    mode                varchar(10)      NOT NULL DEFAULT 'normal' CHECK (mode IN ('normal', 'test')),
    inputs              jsonb,
    result              jsonb,
    error               text,
    error_detail        jsonb,
    progress            double precision NOT NULL DEFAULT 0 CHECK (progress >= 0 AND progress <= 1),
    current_nodes       text[]           NOT NULL DEFAULT '{}',
    parent_execution_id uuid,
    started_at          timestamptz      NOT NULL DEFAULT now(),
    completed_at        timestamptz,
    duration_ms         bigint
);

-- GET /api/execute/list: newest first, optionally by flow or by status; the daily quota count
CREATE INDEX idx_execution_history_tenant_started ON execution_history (tenant_id, started_at DESC, id DESC);
CREATE INDEX idx_execution_history_tenant_flow_started
    ON execution_history (tenant_id, flow_id, started_at DESC, id DESC);
CREATE INDEX idx_execution_history_tenant_status_started
    ON execution_history (tenant_id, status, started_at DESC, id DESC);
CREATE INDEX idx_execution_history_parent ON execution_history (parent_execution_id)
    WHERE parent_execution_id IS NOT NULL;

ALTER TABLE execution_snapshots
    ADD CONSTRAINT fk_execution_snapshots_execution FOREIGN KEY (execution_id)
        REFERENCES execution_history (id) ON DELETE CASCADE;
