-- Audit log (api.md §9). user_id is the acting principal as a string (token sub, API key id …).
CREATE TABLE audit_logs (
    id            uuid PRIMARY KEY,
    tenant_id     uuid         NOT NULL,
    user_id       varchar(255),
    event_type    varchar(100) NOT NULL,
    resource_type varchar(100),
    resource_id   varchar(255),
    details       jsonb        NOT NULL DEFAULT '{}'::jsonb,
    ip_address    varchar(64),
    created_at    timestamptz  NOT NULL DEFAULT now()
);

-- GET /api/audit?event_type=: newest first
CREATE INDEX idx_audit_logs_tenant_created ON audit_logs (tenant_id, created_at DESC, id DESC);
CREATE INDEX idx_audit_logs_tenant_type_created ON audit_logs (tenant_id, event_type, created_at DESC, id DESC);
