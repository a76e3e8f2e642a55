package io.fdl.runtime.store;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/**
 * A tenant (api.md §9). Quotas are {@code null} when unlimited.
 *
 * @param config free JSON object of tenant settings (never null; {@code {}} when empty)
 */
public record Tenant(UUID id, String buCode, String name, String description, JsonNode config,
                     Integer maxFlows, Integer maxExecutionsPerDay, boolean active,
                     Instant createdAt, Instant updatedAt) {
    /** The tenant the string {@code default} names (api.md §3.2), seeded by V1 and by the memory store. */
    public static final UUID DEFAULT_ID = UUID.fromString("00000000-0000-0000-0000-000000000001");
}
