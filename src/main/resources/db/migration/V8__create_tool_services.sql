-- api:// service registrations (tools.md §3.2), identified by (tenant, name).
-- auth_config holds secrets encrypted by the tools layer; they are never returned by the API.
CREATE TABLE tool_services (
    tenant_id       uuid         NOT NULL,
    name            varchar(255) NOT NULL,
    display_name    varchar(255),
    description     text,
    base_url        text         NOT NULL,
    auth_type       varchar(20)  NOT NULL DEFAULT 'none' CHECK (auth_type IN ('none', 'apikey', 'basic', 'bearer')),
    auth_config     jsonb        NOT NULL DEFAULT '{}'::jsonb,
    default_headers jsonb        NOT NULL DEFAULT '{}'::jsonb,
    timeout_ms      integer      NOT NULL DEFAULT 30000 CHECK (timeout_ms > 0),
    enabled         boolean      NOT NULL DEFAULT true,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    updated_at      timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT tool_services_pkey PRIMARY KEY (tenant_id, name)
);
