-- Stored logins (dev mode off). password_hash is bcrypt/argon2, never a password.
CREATE TABLE users (
    id              uuid PRIMARY KEY,
    tenant_id       uuid         NOT NULL,
    username        varchar(255) NOT NULL,
    password_hash   varchar(255) NOT NULL,
    roles           text[]       NOT NULL DEFAULT '{}',
    bu_code         varchar(100),
    failed_attempts integer      NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
    locked_until    timestamptz,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    updated_at      timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT uq_users_tenant_username UNIQUE (tenant_id, username)
);
