package io.fdl.runtime.store.memory;

import io.fdl.runtime.store.Constraints;
import io.fdl.runtime.store.Datasource;
import io.fdl.runtime.store.DatasourceRepository;
import io.fdl.runtime.store.StoreConflictException;
import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

final class MemoryDatasourceRepository implements DatasourceRepository {
    private final MemoryDatabase db;

    MemoryDatasourceRepository(MemoryDatabase db) {
        this.db = db;
    }

    @Override
    public Uni<Datasource> create(Datasource d) {
        return db.call(() -> {
            MemoryDatabase.Key key = new MemoryDatabase.Key(d.tenantId(), d.name());
            if (db.datasources.containsKey(key)) {
                throw new StoreConflictException(Constraints.DATASOURCE_NAME, "datasource " + d.name() + " exists");
            }
            Instant now = MemoryDatabase.now();
            return put(d, now, now);
        });
    }

    private Datasource put(Datasource d, Instant created, Instant updated) {
        Datasource stored = new Datasource(d.tenantId(), d.name(), d.displayName(), d.dbType(), d.connectionString(),
                d.schema() == null ? "public" : d.schema(), d.table(), d.poolSize(), d.timeoutMs(), d.readOnly(), d.allowNative(), d.enabled(),
                created, updated);
        db.datasources.put(new MemoryDatabase.Key(d.tenantId(), d.name()), stored);
        return stored;
    }

    @Override
    public Uni<Optional<Datasource>> find(UUID tenantId, String name) {
        return db.call(() -> Optional.ofNullable(db.datasources.get(new MemoryDatabase.Key(tenantId, name))));
    }

    @Override
    public Uni<List<Datasource>> list(UUID tenantId) {
        return db.call(() -> db.datasources.values().stream().filter(d -> d.tenantId().equals(tenantId))
                .sorted(Comparator.comparing(Datasource::name)).toList());
    }

    @Override
    public Uni<Optional<Datasource>> update(Datasource d) {
        return db.call(() -> Optional.ofNullable(db.datasources.get(new MemoryDatabase.Key(d.tenantId(), d.name())))
                .map(old -> put(d, old.createdAt(), MemoryDatabase.now())));
    }

    @Override
    public Uni<Boolean> delete(UUID tenantId, String name) {
        return db.call(() -> db.datasources.remove(new MemoryDatabase.Key(tenantId, name)) != null);
    }
}
