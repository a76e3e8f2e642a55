-- Keys of the published-flow API (api.md §7). Only the SHA-256 (lower-case hex) and a display
-- prefix are stored. key_hash is unique across tenants: it is the one cross-tenant lookup.
CREATE TABLE api_keys (
    id           uuid PRIMARY KEY,
    tenant_id    uuid         NOT NULL,
    flow_id      uuid         NOT NULL,
    name         varchar(255) NOT NULL,
    description  text,
    key_prefix   varchar(64)  NOT NULL,
    key_hash     char(64)     NOT NULL,
    rate_limit   integer      NOT NULL DEFAULT 100 CHECK (rate_limit > 0),
    is_active    boolean      NOT NULL DEFAULT true,
    expires_at   timestamptz,
    last_used_at timestamptz,
    created_at   timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT uq_api_keys_hash UNIQUE (key_hash),
    CONSTRAINT fk_api_keys_flow FOREIGN KEY (flow_id, tenant_id) REFERENCES flows (id, tenant_id) ON DELETE CASCADE
);

CREATE INDEX idx_api_keys_tenant_flow_created ON api_keys (tenant_id, flow_id, created_at DESC, id DESC);
