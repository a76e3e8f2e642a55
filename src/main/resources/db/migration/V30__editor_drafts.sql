-- Editor drafts (editor-json.md §6): an editor graph that is well-formed but does not validate is
-- stored with valid = false, no FDL text, and its diagnostics; running or publishing it is refused.
ALTER TABLE flow_versions ADD COLUMN valid boolean NOT NULL DEFAULT true;
ALTER TABLE flow_versions ADD COLUMN diagnostics jsonb; -- {"items": [...]}: the diagnostics of an invalid draft
ALTER TABLE flow_versions
    ADD CONSTRAINT ck_flow_versions_draft CHECK (valid OR source_format = 'editor-json');
