package io.fdl.runtime.store.postgres;

import io.fdl.runtime.store.FlowVersion;
import io.fdl.runtime.store.FlowVersionRepository;
import io.fdl.runtime.store.VersionSummary;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

final class PgFlowVersionRepository extends PgBase implements FlowVersionRepository {
    private static final Sort NEWEST_NUMBER = Sort.descending("versionNumber");

    PgFlowVersionRepository(ContextRunner runner) {
        super(runner);
    }

    @Override
    public Uni<Optional<FlowVersion>> create(FlowVersion v) {
        // The flow row is locked (FOR UPDATE) while the next number is computed, so concurrent creates
        // for one flow queue up instead of colliding on uq_flow_versions_number.
        return write(() -> FlowEntity.<FlowEntity>find("id = ?1 and tenantId = ?2", v.flowId(), v.tenantId())
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .chain(flow -> {
                    if (flow == null) return Uni.createFrom().item(Optional.<FlowVersion>empty());
                    return Panache.getSession().chain(s -> s.createSelectionQuery(
                                    "select coalesce(max(v.versionNumber), 0) from FlowVersionEntity v where v.flowId = :f",
                                    Integer.class).setParameter("f", v.flowId()).getSingleResult())
                            .chain(max -> {
                                Instant now = Json.now();
                                FlowVersionEntity e = new FlowVersionEntity();
                                e.id = v.id();
                                e.flowId = v.flowId();
                                e.tenantId = v.tenantId();
                                e.versionNumber = max + 1;
                                e.label = v.label();
                                e.fdl = v.fdl();
                                e.data = Json.copy(v.data());
                                e.sourceFormat = v.sourceFormat() == null ? FlowVersion.FORMAT_FDL : v.sourceFormat();
                                e.valid = v.valid();
                                e.diagnostics = Json.wrapArray(v.diagnostics());
                                e.createdAt = now;
                                flow.updatedAt = now;
                                return e.persistAndFlush().map(x -> Optional.of(e.toRecord()));
                            });
                }));
    }

    @Override
    public Uni<Optional<FlowVersion>> find(UUID tenantId, UUID versionId) {
        return read(() -> FlowVersionEntity.<FlowVersionEntity>find("id = ?1 and tenantId = ?2", versionId, tenantId)
                .firstResult().map(e -> Optional.ofNullable(e).map(FlowVersionEntity::toRecord)));
    }

    @Override
    public Uni<Optional<FlowVersion>> find(UUID tenantId, UUID flowId, UUID versionId) {
        return read(() -> FlowVersionEntity.<FlowVersionEntity>find("id = ?1 and tenantId = ?2 and flowId = ?3",
                        versionId, tenantId, flowId)
                .firstResult().map(e -> Optional.ofNullable(e).map(FlowVersionEntity::toRecord)));
    }

    @Override
    public Uni<Optional<FlowVersion>> latest(UUID tenantId, UUID flowId) {
        return read(() -> FlowVersionEntity.<FlowVersionEntity>find("tenantId = ?1 and flowId = ?2", NEWEST_NUMBER,
                        tenantId, flowId)
                .firstResult().map(e -> Optional.ofNullable(e).map(FlowVersionEntity::toRecord)));
    }

    @Override
    public Uni<List<VersionSummary>> list(UUID tenantId, UUID flowId) {
        // a projection: the (possibly large) fdl and data columns are not loaded for a list
        return read(() -> Panache.getSession().chain(s -> s.createSelectionQuery(
                        "select v.id, v.flowId, v.versionNumber, v.label, v.createdAt from FlowVersionEntity v"
                                + " where v.tenantId = :t and v.flowId = :f order by v.versionNumber desc",
                        Object[].class).setParameter("t", tenantId).setParameter("f", flowId).getResultList())
                .map(rows -> rows.stream().map(r -> new VersionSummary((UUID) r[0], (UUID) r[1], (Integer) r[2],
                        (String) r[3], (Instant) r[4])).toList()));
    }

    @Override
    public Uni<Boolean> delete(UUID tenantId, UUID flowId, UUID versionId) {
        // deleting the published version violates fk_flows_published_version -> StoreConflictException
        return write(() -> FlowVersionEntity.delete("id = ?1 and tenantId = ?2 and flowId = ?3", versionId, tenantId,
                flowId).map(n -> n > 0));
    }
}
