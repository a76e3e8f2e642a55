package io.fdl.runtime.store.memory;

import io.fdl.runtime.store.ApiKey;
import io.fdl.runtime.store.ApiKeyRepository;
import io.fdl.runtime.store.Constraints;
import io.fdl.runtime.store.Flow;
import io.fdl.runtime.store.StoreConflictException;
import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.fdl.runtime.store.memory.MemoryDatabase.micros;

final class MemoryApiKeyRepository implements ApiKeyRepository {
    private static final Comparator<ApiKey> NEWEST_FIRST = Comparator.comparing(ApiKey::createdAt)
            .thenComparing(ApiKey::id, MemoryDatabase.UUID_ORDER).reversed();

    private final MemoryDatabase db;

    MemoryApiKeyRepository(MemoryDatabase db) {
        this.db = db;
    }

    @Override
    public Uni<ApiKey> create(ApiKey k) {
        return db.call(() -> {
            Flow flow = db.flows.get(k.flowId());
            if (flow == null || !flow.tenantId().equals(k.tenantId())) {
                throw new StoreConflictException(Constraints.API_KEY_FLOW, "flow " + k.flowId() + " does not exist");
            }
            if (db.apiKeys.containsKey(k.id())) throw new StoreConflictException(Constraints.API_KEY_ID, "key id exists");
            if (db.apiKeys.values().stream().anyMatch(x -> x.keyHash().equals(k.keyHash()))) {
                throw new StoreConflictException(Constraints.API_KEY_HASH, "key hash exists");
            }
            ApiKey stored = new ApiKey(k.id(), k.tenantId(), k.flowId(), k.name(), k.description(), k.keyPrefix(),
                    k.keyHash(), k.rateLimit(), k.active(), micros(k.expiresAt()), micros(k.lastUsedAt()),
                    MemoryDatabase.now());
            db.apiKeys.put(k.id(), stored);
            return stored;
        });
    }

    @Override
    public Uni<Optional<ApiKey>> find(UUID tenantId, UUID keyId) {
        return db.call(() -> Optional.ofNullable(db.apiKeys.get(keyId)).filter(k -> k.tenantId().equals(tenantId)));
    }

    @Override
    public Uni<List<ApiKey>> listByFlow(UUID tenantId, UUID flowId) {
        return db.call(() -> db.apiKeys.values().stream()
                .filter(k -> k.tenantId().equals(tenantId) && k.flowId().equals(flowId))
                .sorted(NEWEST_FIRST).toList());
    }

    @Override
    public Uni<Optional<ApiKey>> findByHash(String keyHash) {
        return db.call(() -> db.apiKeys.values().stream().filter(k -> k.keyHash().equals(keyHash)).findFirst());
    }

    @Override
    public Uni<Boolean> recordUses(UUID tenantId, UUID keyId, long uses, Instant lastUsedAt) {
        return db.call(() -> {
            ApiKey k = db.apiKeys.get(keyId);
            if (k == null || !k.tenantId().equals(tenantId)) return false;
            db.apiKeys.put(keyId, k.withUses(uses, micros(lastUsedAt)));
            return true;
        });
    }

    @Override
    public Uni<Boolean> delete(UUID tenantId, UUID flowId, UUID keyId) {
        return db.call(() -> {
            ApiKey k = db.apiKeys.get(keyId);
            if (k == null || !k.tenantId().equals(tenantId) || !k.flowId().equals(flowId)) return false;
            db.apiKeys.remove(keyId);
            return true;
        });
    }
}
