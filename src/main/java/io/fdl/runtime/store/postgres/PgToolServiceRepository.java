package io.fdl.runtime.store.postgres;

import io.fdl.runtime.store.ToolService;
import io.fdl.runtime.store.ToolServiceRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

final class PgToolServiceRepository extends PgBase implements ToolServiceRepository {
    PgToolServiceRepository(ContextRunner runner) {
        super(runner);
    }

    @Override
    public Uni<ToolService> create(ToolService s) {
        return write(() -> {
            ToolServiceEntity e = new ToolServiceEntity();
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
    public Uni<Optional<ToolService>> find(UUID tenantId, String name) {
        return read(() -> ToolServiceEntity.<ToolServiceEntity>findById(new TenantNameId(tenantId, name))
                .map(e -> Optional.ofNullable(e).map(ToolServiceEntity::toRecord)));
    }

    @Override
    public Uni<List<ToolService>> list(UUID tenantId) {
        return read(() -> ToolServiceEntity.<ToolServiceEntity>find("tenantId = ?1", Sort.ascending("name"), tenantId)
                .list().map(l -> l.stream().map(ToolServiceEntity::toRecord).toList()));
    }

    @Override
    public Uni<Optional<ToolService>> update(ToolService s) {
        return write(() -> ToolServiceEntity.<ToolServiceEntity>findById(new TenantNameId(s.tenantId(), s.name()))
                .map(e -> {
                    if (e == null) return Optional.empty();
                    e.set(s);
                    e.updatedAt = Json.now();
                    return Optional.of(e.toRecord());
                }));
    }

    @Override
    public Uni<Boolean> delete(UUID tenantId, String name) {
        return write(() -> ToolServiceEntity.delete("tenantId = ?1 and name = ?2", tenantId, name).map(n -> n > 0));
    }
}
