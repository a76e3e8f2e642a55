-- Publishing (api.md §4, §7): a flow publishes one of ITS versions (composite foreign key).
-- Deleting the published version is refused (foreign key violation -> 409); deleting the flow
-- removes its versions with it (the check runs at the end of the statement, when the flow row is gone).
ALTER TABLE flows ADD COLUMN published boolean NOT NULL DEFAULT false;
ALTER TABLE flows ADD COLUMN published_version_id uuid;
ALTER TABLE flows ADD COLUMN published_at timestamptz;
ALTER TABLE flows
    ADD CONSTRAINT fk_flows_published_version FOREIGN KEY (published_version_id, id)
        REFERENCES flow_versions (id, flow_id);
ALTER TABLE flows
    ADD CONSTRAINT ck_flows_published CHECK (published = (published_version_id IS NOT NULL));
