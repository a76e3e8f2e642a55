package io.fdl.runtime.store.postgres;

import io.fdl.runtime.store.Tenant;
import io.fdl.runtime.store.TenantRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

final class PgTenantRepository extends PgBase implements TenantRepository {
    PgTenantRepository(ContextRunner runner) {
        super(runner);
    }

    @Override
    public Uni<Tenant> create(Tenant t) {
        return write(() -> {
            TenantEntity e = new TenantEntity();
            e.id = t.id();
            e.set(t);
            Instant now = Json.now();
            e.createdAt = now;
            e.updatedAt = now;
            return e.persistAndFlush().map(x -> e.toRecord());
        });
    }

    @Override
    public Uni<Optional<Tenant>> find(UUID tenantId) {
        return read(() -> TenantEntity.<TenantEntity>findById(tenantId)
                .map(e -> Optional.ofNullable(e).map(TenantEntity::toRecord)));
    }

    @Override
    public Uni<List<Tenant>> list() {
        return read(() -> TenantEntity.<TenantEntity>findAll(Sort.ascending("name", "id")).list()
                .map(l -> l.stream().map(TenantEntity::toRecord).toList()));
    }

    @Override
    public Uni<Optional<Tenant>> update(Tenant t) {
        return write(() -> TenantEntity.<TenantEntity>findById(t.id()).map(e -> {
            if (e == null) return Optional.empty();
            e.set(t);
            e.updatedAt = Json.now();
            return Optional.of(e.toRecord());
        }));
    }

    @Override
    public Uni<Boolean> delete(UUID tenantId) {
        return write(() -> TenantEntity.delete("id = ?1", tenantId).map(n -> n > 0));
    }
}
