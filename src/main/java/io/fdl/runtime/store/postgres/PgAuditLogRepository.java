package io.fdl.runtime.store.postgres;

import io.fdl.runtime.store.AuditEntry;
import io.fdl.runtime.store.AuditLogRepository;
import io.fdl.runtime.store.Page;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.smallrye.mutiny.Uni;

import java.util.List;
import java.util.UUID;

final class PgAuditLogRepository extends PgBase implements AuditLogRepository {
    PgAuditLogRepository(ContextRunner runner) {
        super(runner);
    }

    @Override
    public Uni<AuditEntry> append(AuditEntry a) {
        return write(() -> {
            AuditEntity e = new AuditEntity();
            e.id = a.id();
            e.tenantId = a.tenantId();
            e.userId = a.userId();
            e.eventType = a.eventType();
            e.resourceType = a.resourceType();
            e.resourceId = a.resourceId();
            e.details = Json.orEmpty(a.details());
            e.ip = a.ip();
            e.createdAt = Json.now();
            return e.persistAndFlush().map(x -> e.toRecord());
        });
    }

    @Override
    public Uni<Page<AuditEntry>> list(UUID tenantId, String eventType, int limit, int offset) {
        return read(() -> {
            PanacheQuery<AuditEntity> query = eventType == null
                    ? AuditEntity.find("tenantId = ?1", NEWEST_CREATED, tenantId)
                    : AuditEntity.find("tenantId = ?1 and eventType = ?2", NEWEST_CREATED, tenantId, eventType);
            return query.count().chain(total -> {
                if (limit <= 0 || offset >= total) {
                    return Uni.createFrom().item(new Page<AuditEntry>(List.of(), total, limit, offset));
                }
                return query.range(offset, offset + limit - 1).list().map(rows -> new Page<>(
                        rows.stream().map(AuditEntity::toRecord).toList(), total, limit, offset));
            });
        });
    }
}
