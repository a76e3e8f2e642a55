-- The persisted event log of each execution (api.md §6.2), append-only; seq is 1, 2, 3 … per
-- execution. The primary key (execution_id, seq) is the uniqueness rule and also serves
-- "events after seq N" reads. No foreign key to execution_history: events are written by the
-- engine's listener in batches on their own connection and must not depend on the order in
-- which that listener and the execution record writer commit.
CREATE TABLE execution_events (
    execution_id uuid        NOT NULL,
    seq          bigint      NOT NULL CHECK (seq > 0),
    tenant_id    uuid        NOT NULL,
    event_type   varchar(50) NOT NULL,
    node_id      text,
    data         jsonb       NOT NULL DEFAULT '{}'::jsonb,
    occurred_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT execution_events_pkey PRIMARY KEY (execution_id, seq)
);
