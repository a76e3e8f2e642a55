-- Durable runs (issue 12). Every unfinished execution is owned by one replica (owner) under a lease:
-- the owner's heartbeat in fdl_replicas, renewed by one statement per replica per interval. A
-- claim (FOR UPDATE SKIP LOCKED) takes unowned rows or rows whose owner stopped renewing, and bumps
-- lease_epoch; every state write of a run is fenced by the epoch it was claimed with, so a replica
-- that lost a run cannot commit anything for it any more.
ALTER TABLE execution_history ADD COLUMN owner varchar(128);
ALTER TABLE execution_history ADD COLUMN lease_epoch bigint NOT NULL DEFAULT 0;
-- a parked run (every branch waiting on a timer) is unowned until wake_at
ALTER TABLE execution_history ADD COLUMN wake_at timestamptz;
-- what a resumed run needs that the row does not hold: the caller, the supplied inputs, mocks, timeout
ALTER TABLE execution_history ADD COLUMN resume jsonb;
-- a redrive (POST /api/execute/{id}/retry) links the new execution to the one it re-runs
ALTER TABLE execution_history ADD COLUMN retry_of uuid;

CREATE INDEX idx_execution_history_claimable ON execution_history (started_at)
    WHERE status IN ('pending', 'running', 'waiting');
CREATE INDEX idx_execution_history_owner ON execution_history (owner) WHERE owner IS NOT NULL;

CREATE TABLE fdl_replicas (
    id           varchar(128) PRIMARY KEY,
    started_at   timestamptz NOT NULL DEFAULT now(),
    heartbeat_at timestamptz NOT NULL DEFAULT now()
);

-- The completed steps of each run (tool call outcomes, wait deadlines), checkpointed in the same
-- statement as the events they precede: a resumed run replays them instead of executing them again.
-- Kept after the end: a redrive reuses the successful ones.
CREATE TABLE execution_steps (
    execution_id uuid        NOT NULL,
    step_key     text        NOT NULL,
    outcome      jsonb       NOT NULL,
    recorded_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT execution_steps_pkey PRIMARY KEY (execution_id, step_key)
);
