-- Uses of a published-flow API key (api.md §7, the editor's Published page): counted in memory and
-- added in batches (auth.ApiKeyUsage), so a request never waits for a write of its own.
ALTER TABLE api_keys ADD COLUMN usage_count bigint NOT NULL DEFAULT 0 CHECK (usage_count >= 0);
