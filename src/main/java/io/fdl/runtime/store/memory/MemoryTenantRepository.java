package io.fdl.runtime.store.memory;

import io.fdl.runtime.store.Constraints;
import io.fdl.runtime.store.StoreConflictException;
import io.fdl.runtime.store.Tenant;
import io.fdl.runtime.store.TenantRepository;
import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.fdl.runtime.store.memory.MemoryDatabase.copy;
import static io.fdl.runtime.store.memory.MemoryDatabase.copyOrEmpty;

final class MemoryTenantRepository implements TenantRepository {
    private final MemoryDatabase db;

    MemoryTenantRepository(MemoryDatabase db) {
        this.db = db;
    }

    @Override
    public Uni<Tenant> create(Tenant t) {
        return db.call(() -> {
            if (db.tenants.containsKey(t.id())) {
                throw new StoreConflictException(Constraints.TENANT_ID, "tenant " + t.id() + " exists");
            }
            Instant now = MemoryDatabase.now();
            Tenant stored = new Tenant(t.id(), t.buCode(), t.name(), t.description(), copyOrEmpty(t.config()),
                    t.maxFlows(), t.maxExecutionsPerDay(), t.active(), now, now);
            db.tenants.put(t.id(), stored);
            return out(stored);
        });
    }

    @Override
    public Uni<Optional<Tenant>> find(UUID tenantId) {
        return db.call(() -> Optional.ofNullable(db.tenants.get(tenantId)).map(MemoryTenantRepository::out));
    }

    @Override
    public Uni<List<Tenant>> list() {
        return db.call(() -> db.tenants.values().stream()
                .sorted(Comparator.comparing(Tenant::name).thenComparing(Tenant::id, MemoryDatabase.UUID_ORDER))
                .map(MemoryTenantRepository::out).toList());
    }

    @Override
    public Uni<Optional<Tenant>> update(Tenant t) {
        return db.call(() -> {
            Tenant old = db.tenants.get(t.id());
            if (old == null) return Optional.empty();
            Tenant stored = new Tenant(t.id(), t.buCode(), t.name(), t.description(), copyOrEmpty(t.config()),
                    t.maxFlows(), t.maxExecutionsPerDay(), t.active(), old.createdAt(), MemoryDatabase.now());
            db.tenants.put(t.id(), stored);
            return Optional.of(out(stored));
        });
    }

    @Override
    public Uni<Boolean> delete(UUID tenantId) {
        return db.call(() -> db.tenants.remove(tenantId) != null);
    }

    private static Tenant out(Tenant t) {
        return new Tenant(t.id(), t.buCode(), t.name(), t.description(), copy(t.config()), t.maxFlows(),
                t.maxExecutionsPerDay(), t.active(), t.createdAt(), t.updatedAt());
    }
}
