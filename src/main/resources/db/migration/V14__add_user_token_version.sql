-- Revocation (h-harden-io): access tokens of stored users carry token_version; the store bumps it
-- whenever roles, the password hash or disabled change, and a token with an older version is refused.
ALTER TABLE users
    ADD COLUMN token_version integer NOT NULL DEFAULT 0 CHECK (token_version >= 0),
    ADD COLUMN disabled      boolean NOT NULL DEFAULT false;
