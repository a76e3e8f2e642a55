package io.fdl.runtime.store;

import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface ApiKeyRepository {
    /**
     * @throws StoreConflictException {@link Constraints#API_KEY_HASH} for a duplicate hash,
     *                                {@link Constraints#API_KEY_FLOW} when the flow is absent in that tenant
     */
    Uni<ApiKey> create(ApiKey key);

    Uni<Optional<ApiKey>> find(UUID tenantId, UUID keyId);

    /** The flow's keys, newest first. */
    Uni<List<ApiKey>> listByFlow(UUID tenantId, UUID flowId);

    /**
     * The ONE cross-tenant lookup: the presented key identifies its tenant. Returns inactive and expired
     * keys too (the caller answers {@code key_inactive}/{@code key_expired}).
     */
    Uni<Optional<ApiKey>> findByHash(String keyHash);

    /**
     * Adds {@code uses} to the key's usage count and moves {@code last_used_at} to {@code lastUsedAt}
     * unless it is later already; false when absent.
     */
    Uni<Boolean> recordUses(UUID tenantId, UUID keyId, long uses, Instant lastUsedAt);

    /** Deletes a key of that flow; false when absent. */
    Uni<Boolean> delete(UUID tenantId, UUID flowId, UUID keyId);
}
