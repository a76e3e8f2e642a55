package io.fdl.runtime.store.postgres;

import io.fdl.runtime.store.Datasource;
import io.fdl.runtime.store.DatasourceRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

final class PgDatasourceRepository extends PgBase implements DatasourceRepository {
    PgDatasourceRepository(ContextRunner runner) {
        super(runner);
    }

    @Override
    public Uni<Datasource> create(Datasource s) {
        return write(() -> {
            DatasourceEntity e = new DatasourceEntity();
            e.tenantId = s.tenantId();
            e.name = s.name();
            e.set(s);
            Instant now = Json.now();
            e.createdAt = now;
            e.updatedAt = now;
            return e.persistAndFlush().map(x -> e.toRecord());
        });
    }

    @Override
    public Uni<Optional<Datasource>> find(UUID tenantId, String name) {
        return read(() -> DatasourceEntity.<DatasourceEntity>findById(new TenantNameId(tenantId, name))
                .map(e -> Optional.ofNullable(e).map(DatasourceEntity::toRecord)));
    }

    @Override
    public Uni<List<Datasource>> list(UUID tenantId) {
        return read(() -> DatasourceEntity.<DatasourceEntity>find("tenantId = ?1", Sort.ascending("name"), tenantId)
                .list().map(l -> l.stream().map(DatasourceEntity::toRecord).toList()));
    }

    @Override
    public Uni<Optional<Datasource>> update(Datasource s) {
        return write(() -> DatasourceEntity.<DatasourceEntity>findById(new TenantNameId(s.tenantId(), s.name()))
                .map(e -> {
                    if (e == null) return Optional.empty();
                    e.set(s);
                    e.updatedAt = Json.now();
                    return Optional.of(e.toRecord());
                }));
    }

    @Override
    public Uni<Boolean> delete(UUID tenantId, String name) {
        return write(() -> DatasourceEntity.delete("tenantId = ?1 and name = ?2", tenantId, name).map(n -> n > 0));
    }
}
