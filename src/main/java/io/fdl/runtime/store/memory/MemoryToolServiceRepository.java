package io.fdl.runtime.store.memory;

import io.fdl.runtime.store.Constraints;
import io.fdl.runtime.store.StoreConflictException;
import io.fdl.runtime.store.ToolService;
import io.fdl.runtime.store.ToolServiceRepository;
import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.fdl.runtime.store.memory.MemoryDatabase.copy;
import static io.fdl.runtime.store.memory.MemoryDatabase.copyOrEmpty;

final class MemoryToolServiceRepository implements ToolServiceRepository {
    private final MemoryDatabase db;

    MemoryToolServiceRepository(MemoryDatabase db) {
        this.db = db;
    }

    @Override
    public Uni<ToolService> create(ToolService s) {
        return db.call(() -> {
            MemoryDatabase.Key key = new MemoryDatabase.Key(s.tenantId(), s.name());
            if (db.toolServices.containsKey(key)) {
                throw new StoreConflictException(Constraints.TOOL_SERVICE_NAME, "service " + s.name() + " exists");
            }
            Instant now = MemoryDatabase.now();
            return put(s, now, now);
        });
    }

    private ToolService put(ToolService s, Instant created, Instant updated) {
        ToolService stored = new ToolService(s.tenantId(), s.name(), s.displayName(), s.description(), s.baseUrl(),
                s.authType(), copyOrEmpty(s.authConfig()), copyOrEmpty(s.defaultHeaders()), s.timeoutMs(),
                s.enabled(), created, updated);
        db.toolServices.put(new MemoryDatabase.Key(s.tenantId(), s.name()), stored);
        return out(stored);
    }

    @Override
    public Uni<Optional<ToolService>> find(UUID tenantId, String name) {
        return db.call(() -> Optional.ofNullable(db.toolServices.get(new MemoryDatabase.Key(tenantId, name)))
                .map(MemoryToolServiceRepository::out));
    }

    @Override
    public Uni<List<ToolService>> list(UUID tenantId) {
        return db.call(() -> db.toolServices.values().stream().filter(s -> s.tenantId().equals(tenantId))
                .sorted(Comparator.comparing(ToolService::name)).map(MemoryToolServiceRepository::out).toList());
    }

    @Override
    public Uni<Optional<ToolService>> update(ToolService s) {
        return db.call(() -> Optional.ofNullable(db.toolServices.get(new MemoryDatabase.Key(s.tenantId(), s.name())))
                .map(old -> put(s, old.createdAt(), MemoryDatabase.now())));
    }

    @Override
    public Uni<Boolean> delete(UUID tenantId, String name) {
        return db.call(() -> db.toolServices.remove(new MemoryDatabase.Key(tenantId, name)) != null);
    }

    private static ToolService out(ToolService s) {
        return new ToolService(s.tenantId(), s.name(), s.displayName(), s.description(), s.baseUrl(), s.authType(),
                copy(s.authConfig()), copy(s.defaultHeaders()), s.timeoutMs(), s.enabled(), s.createdAt(),
                s.updatedAt());
    }
}
