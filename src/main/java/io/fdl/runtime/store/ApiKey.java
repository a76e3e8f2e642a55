package io.fdl.runtime.store;

import java.time.Instant;
import java.util.UUID;

/**
 * A key of the published-flow API (api.md §7). Only the prefix and the SHA-256 are stored.
 *
 * @param keyPrefix   the first characters of the key shown in lists ({@code fk_1a2b3c4d_ab12…})
 * @param keyHash     lower-case hex SHA-256 of the full key; unique across all tenants
 * @param rateLimit   requests per minute
 * @param expiresAt   null: never
 * @param lastUsedAt  null: never used
 * @param usageCount  accepted requests, as stored (the last few seconds are added in batches, auth.ApiKeyUsage)
 */
public record ApiKey(UUID id, UUID tenantId, UUID flowId, String name, String description, String keyPrefix,
                     String keyHash, int rateLimit, boolean active, Instant expiresAt, Instant lastUsedAt,
                     Instant createdAt, long usageCount) {

    /** A key without recorded uses. */
    public ApiKey(UUID id, UUID tenantId, UUID flowId, String name, String description, String keyPrefix, String keyHash,
                  int rateLimit, boolean active, Instant expiresAt, Instant lastUsedAt, Instant createdAt) {
        this(id, tenantId, flowId, name, description, keyPrefix, keyHash, rateLimit, active, expiresAt, lastUsedAt,
                createdAt, 0);
    }

    /** With {@code uses} more uses, the last at {@code at} (the later of it and the stored one). */
    public ApiKey withUses(long uses, Instant at) {
        Instant last = lastUsedAt == null || (at != null && at.isAfter(lastUsedAt)) ? at : lastUsedAt;
        return new ApiKey(id, tenantId, flowId, name, description, keyPrefix, keyHash, rateLimit, active, expiresAt, last,
                createdAt, usageCount + uses);
    }
}
