package io.fdl.runtime.store;

import java.time.Instant;
import java.util.UUID;

/**
 * A named container of versions (api.md §4). Publishing fields are changed only through
 * {@link FlowRepository#publish}/{@link FlowRepository#unpublish}; {@link FlowRepository#update}
 * ignores them.
 */
public record Flow(UUID id, UUID tenantId, String name, String description, String thumbnail,
                   boolean published, UUID publishedVersionId, Instant publishedAt,
                   Instant createdAt, Instant updatedAt) {

    /** A new, unpublished flow; the store sets the timestamps. */
    public static Flow create(UUID id, UUID tenantId, String name, String description) {
        return new Flow(id, tenantId, name, description, null, false, null, null, null, null);
    }

    public Flow withDetails(String name, String description, String thumbnail) {
        return new Flow(id, tenantId, name, description, thumbnail, published, publishedVersionId, publishedAt,
                createdAt, updatedAt);
    }
}
