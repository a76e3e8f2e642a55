-- Tenants and their quotas (api.md §9). Plain SQL: Flyway runs it, and so does `psql -f`.
-- Other tables carry tenant_id WITHOUT a foreign key to this table: a token may name a tenant that
-- was never registered here (api.md §3.2 maps any tenant string to a UUID) and its data must still
-- be storable. Quotas are NULL when unlimited.
CREATE TABLE tenants (
    id                     uuid PRIMARY KEY,
    bu_code                varchar(100) NOT NULL,
    name                   varchar(255) NOT NULL,
    description            text,
    config                 jsonb        NOT NULL DEFAULT '{}'::jsonb,
    max_flows              integer CHECK (max_flows IS NULL OR max_flows >= 0),
    max_executions_per_day integer CHECK (max_executions_per_day IS NULL OR max_executions_per_day >= 0),
    is_active              boolean      NOT NULL DEFAULT true,
    created_at             timestamptz  NOT NULL DEFAULT now(),
    updated_at             timestamptz  NOT NULL DEFAULT now()
);

CREATE INDEX idx_tenants_name ON tenants (name);

-- The tenant the string "default" names (api.md §3.2).
INSERT INTO tenants (id, bu_code, name, description)
VALUES ('00000000-0000-0000-0000-000000000001', 'default', 'Default', 'Default tenant')
ON CONFLICT (id) DO NOTHING;
