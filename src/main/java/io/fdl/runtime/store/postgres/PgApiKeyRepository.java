package io.fdl.runtime.store.postgres;

import io.fdl.runtime.store.ApiKey;
import io.fdl.runtime.store.ApiKeyRepository;
import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

final class PgApiKeyRepository extends PgBase implements ApiKeyRepository {
    PgApiKeyRepository(ContextRunner runner) {
        super(runner);
    }

    @Override
    public Uni<ApiKey> create(ApiKey k) {
        // fk_api_keys_flow (flow_id, tenant_id): a key can only be created for a flow of its own tenant
        return write(() -> {
            ApiKeyEntity e = new ApiKeyEntity();
            e.id = k.id();
            e.tenantId = k.tenantId();
            e.flowId = k.flowId();
            e.name = k.name();
            e.description = k.description();
            e.keyPrefix = k.keyPrefix();
            e.keyHash = k.keyHash();
            e.rateLimit = k.rateLimit();
            e.active = k.active();
            e.expiresAt = Json.micros(k.expiresAt());
            e.lastUsedAt = Json.micros(k.lastUsedAt());
            e.createdAt = Json.now();
            return e.persistAndFlush().map(x -> e.toRecord());
        });
    }

    @Override
    public Uni<Optional<ApiKey>> find(UUID tenantId, UUID keyId) {
        return read(() -> ApiKeyEntity.<ApiKeyEntity>find("id = ?1 and tenantId = ?2", keyId, tenantId).firstResult()
                .map(e -> Optional.ofNullable(e).map(ApiKeyEntity::toRecord)));
    }

    @Override
    public Uni<List<ApiKey>> listByFlow(UUID tenantId, UUID flowId) {
        return read(() -> ApiKeyEntity.<ApiKeyEntity>find("tenantId = ?1 and flowId = ?2", NEWEST_CREATED, tenantId,
                flowId).list().map(l -> l.stream().map(ApiKeyEntity::toRecord).toList()));
    }

    @Override
    public Uni<Optional<ApiKey>> findByHash(String keyHash) {
        // the one cross-tenant lookup: the key identifies its tenant (uq_api_keys_hash index)
        return read(() -> ApiKeyEntity.<ApiKeyEntity>find("keyHash = ?1", keyHash).firstResult()
                .map(e -> Optional.ofNullable(e).map(ApiKeyEntity::toRecord)));
    }

    @Override
    public Uni<Boolean> recordUses(UUID tenantId, UUID keyId, long uses, Instant lastUsedAt) {
        return write(() -> ApiKeyEntity.update("usageCount = usageCount + ?1, lastUsedAt = case when lastUsedAt is null "
                        + "or lastUsedAt < ?2 then ?2 else lastUsedAt end where id = ?3 and tenantId = ?4",
                uses, Json.micros(lastUsedAt), keyId, tenantId).map(n -> n > 0));
    }

    @Override
    public Uni<Boolean> delete(UUID tenantId, UUID flowId, UUID keyId) {
        return write(() -> ApiKeyEntity.delete("id = ?1 and tenantId = ?2 and flowId = ?3", keyId, tenantId, flowId)
                .map(n -> n > 0));
    }
}
