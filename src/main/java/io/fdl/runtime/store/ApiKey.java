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
 */
public record ApiKey(UUID id, UUID tenantId, UUID flowId, String name, String description, String keyPrefix,
                     String keyHash, int rateLimit, boolean active, Instant expiresAt, Instant lastUsedAt,
                     Instant createdAt) {
}
