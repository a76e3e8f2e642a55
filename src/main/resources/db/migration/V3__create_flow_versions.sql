-- Immutable flow versions. version_number is 1, 2, 3 … per flow, assigned by the store while it
-- holds a row lock on the flow (so concurrent creates cannot collide). Versions go with their flow.
CREATE TABLE flow_versions (
    id             uuid PRIMARY KEY,
    flow_id        uuid        NOT NULL,
    tenant_id      uuid        NOT NULL,
    version_number integer     NOT NULL CHECK (version_number > 0),
    label          varchar(255),
    fdl            text,                      -- canonical FDL YAML
    data           jsonb,                     -- editor graph / normalised JSON model
    source_format  varchar(20) NOT NULL DEFAULT 'fdl' CHECK (source_format IN ('fdl', 'editor-json')),
    created_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT uq_flow_versions_number UNIQUE (flow_id, version_number),
    -- target of flows.published_version_id: the published version must belong to the flow (V13)
    CONSTRAINT uq_flow_versions_id_flow UNIQUE (id, flow_id),
    CONSTRAINT fk_flow_versions_flow FOREIGN KEY (flow_id, tenant_id)
        REFERENCES flows (id, tenant_id) ON DELETE CASCADE
);
-- list/latest per flow use uq_flow_versions_number (flow_id, version_number)
