-- db:// datasource registrations (tools.md §4.2), identified by (tenant, name).
-- connection_string holds a password encrypted by the tools layer; never returned by the API.
CREATE TABLE datasources (
    tenant_id         uuid         NOT NULL,
    name              varchar(255) NOT NULL,
    display_name      varchar(255),
    db_type           varchar(50)  NOT NULL,
    connection_string text         NOT NULL,
    schema_name       varchar(255) NOT NULL DEFAULT 'public',
    table_name        varchar(255),
    pool_size         integer      NOT NULL DEFAULT 10 CHECK (pool_size > 0),
    timeout_ms        integer      NOT NULL DEFAULT 5000 CHECK (timeout_ms > 0),
    read_only         boolean      NOT NULL DEFAULT false,
    allow_native      boolean      NOT NULL DEFAULT false,
    enabled           boolean      NOT NULL DEFAULT true,
    created_at        timestamptz  NOT NULL DEFAULT now(),
    updated_at        timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT datasources_pkey PRIMARY KEY (tenant_id, name)
);
