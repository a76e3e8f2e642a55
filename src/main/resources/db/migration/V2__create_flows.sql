-- Flows: named containers of versions (api.md §4). Publishing columns come in V13.
CREATE TABLE flows (
    id          uuid PRIMARY KEY,
    tenant_id   uuid         NOT NULL,
    name        varchar(255) NOT NULL,
    description text,
    thumbnail   text,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_at  timestamptz  NOT NULL DEFAULT now(),
    -- target of the (flow_id, tenant_id) foreign keys of versions and API keys: a child row can
    -- only point at a flow of its own tenant
    CONSTRAINT uq_flows_id_tenant UNIQUE (id, tenant_id)
);

-- GET /api/flows: newest updated first, ties by id
CREATE INDEX idx_flows_tenant_updated ON flows (tenant_id, updated_at DESC, id DESC);
-- flow://<name>
CREATE INDEX idx_flows_tenant_name ON flows (tenant_id, name);
