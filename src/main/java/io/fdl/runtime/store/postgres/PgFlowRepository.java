package io.fdl.runtime.store.postgres;

import io.fdl.runtime.store.Flow;
import io.fdl.runtime.store.FlowRepository;
import io.fdl.runtime.store.FlowSummary;
import io.fdl.runtime.store.Page;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

final class PgFlowRepository extends PgBase implements FlowRepository {
    PgFlowRepository(ContextRunner runner) {
        super(runner);
    }

    @Override
    public Uni<Flow> create(Flow f) {
        return write(() -> {
            FlowEntity e = new FlowEntity();
            e.id = f.id();
            e.tenantId = f.tenantId();
            e.name = f.name();
            e.description = f.description();
            e.thumbnail = f.thumbnail();
            Instant now = Json.now();
            e.createdAt = now;
            e.updatedAt = now;
            return e.persistAndFlush().map(x -> e.toRecord());
        });
    }

    static Uni<FlowEntity> get(UUID tenantId, UUID flowId) {
        return FlowEntity.<FlowEntity>find("id = ?1 and tenantId = ?2", flowId, tenantId).firstResult();
    }

    @Override
    public Uni<Optional<Flow>> find(UUID tenantId, UUID flowId) {
        return read(() -> get(tenantId, flowId).map(e -> Optional.ofNullable(e).map(FlowEntity::toRecord)));
    }

    @Override
    public Uni<List<Flow>> findByName(UUID tenantId, String name) {
        return read(() -> FlowEntity.<FlowEntity>find("tenantId = ?1 and name = ?2", NEWEST_UPDATED, tenantId, name)
                .list().map(l -> l.stream().map(FlowEntity::toRecord).toList()));
    }

    @Override
    public Uni<Page<FlowSummary>> list(UUID tenantId, String q, Boolean published, int limit, int offset) {
        return read(() -> {
            String filter = published == null ? "" : " and published = " + published; // a boolean, never user text
            PanacheQuery<FlowEntity> query = q == null || q.isBlank()
                    ? FlowEntity.find("tenantId = ?1" + filter, NEWEST_UPDATED, tenantId)
                    : FlowEntity.find("tenantId = ?1" + filter + " and (lower(name) like ?2 escape '!'"
                                    + " or lower(coalesce(description, '')) like ?2 escape '!')", NEWEST_UPDATED,
                            tenantId, likeContains(q.toLowerCase(Locale.ROOT)));
            return query.count().chain(total -> {
                if (limit <= 0 || offset >= total) {
                    return Uni.createFrom().item(new Page<FlowSummary>(List.of(), total, limit, offset));
                }
                return query.range(offset, offset + limit - 1).list()
                        .chain(flows -> versionCounts(flows).map(counts -> new Page<>(flows.stream()
                                .map(f -> new FlowSummary(f.toRecord(), counts.getOrDefault(f.id, 0L))).toList(),
                                total, limit, offset)));
            });
        });
    }

    /** One grouped count for the whole page instead of one query per flow. */
    private static Uni<Map<UUID, Long>> versionCounts(List<FlowEntity> flows) {
        if (flows.isEmpty()) return Uni.createFrom().item(Map.of());
        List<UUID> ids = flows.stream().map(f -> f.id).toList();
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                        "select v.flowId, count(v) from FlowVersionEntity v where v.flowId in (:ids) group by v.flowId",
                        Object[].class).setParameter("ids", ids).getResultList())
                .map(rows -> {
                    Map<UUID, Long> counts = new HashMap<>();
                    for (Object[] r : rows) counts.put((UUID) r[0], ((Number) r[1]).longValue());
                    return counts;
                });
    }

    @Override
    public Uni<Long> count(UUID tenantId) {
        return read(() -> FlowEntity.count("tenantId = ?1", tenantId));
    }

    @Override
    public Uni<Optional<Flow>> update(Flow f) {
        return write(() -> get(f.tenantId(), f.id()).map(e -> {
            if (e == null) return Optional.empty();
            e.name = f.name();
            e.description = f.description();
            e.thumbnail = f.thumbnail();
            e.updatedAt = Json.now();
            return Optional.of(e.toRecord());
        }));
    }

    @Override
    public Uni<Boolean> delete(UUID tenantId, UUID flowId) {
        // versions and API keys go with it (ON DELETE CASCADE); execution history has no foreign key
        return write(() -> FlowEntity.delete("id = ?1 and tenantId = ?2", flowId, tenantId).map(n -> n > 0));
    }

    @Override
    public Uni<Optional<Flow>> publish(UUID tenantId, UUID flowId, UUID versionId, Instant publishedAt) {
        return write(() -> get(tenantId, flowId).chain(e -> {
            if (e == null) return Uni.createFrom().item(Optional.<Flow>empty());
            return FlowVersionEntity.count("id = ?1 and flowId = ?2", versionId, flowId).map(n -> {
                if (n == 0) return Optional.<Flow>empty();
                e.published = true;
                e.publishedVersionId = versionId;
                e.publishedAt = Json.micros(publishedAt);
                e.updatedAt = Json.now();
                return Optional.of(e.toRecord());
            });
        }));
    }

    @Override
    public Uni<Optional<Flow>> unpublish(UUID tenantId, UUID flowId) {
        return write(() -> get(tenantId, flowId).map(e -> {
            if (e == null) return Optional.empty();
            e.published = false;
            e.publishedVersionId = null;
            e.publishedAt = null;
            e.updatedAt = Json.now();
            return Optional.of(e.toRecord());
        }));
    }
}
