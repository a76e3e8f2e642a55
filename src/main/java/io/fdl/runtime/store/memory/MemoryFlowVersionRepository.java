package io.fdl.runtime.store.memory;

import io.fdl.runtime.store.Constraints;
import io.fdl.runtime.store.Flow;
import io.fdl.runtime.store.FlowVersion;
import io.fdl.runtime.store.FlowVersionRepository;
import io.fdl.runtime.store.StoreConflictException;
import io.fdl.runtime.store.VersionSummary;
import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.fdl.runtime.store.memory.MemoryDatabase.copy;

final class MemoryFlowVersionRepository implements FlowVersionRepository {
    private static final Comparator<FlowVersion> NEWEST_FIRST =
            Comparator.comparingInt(FlowVersion::versionNumber).reversed();

    private final MemoryDatabase db;

    MemoryFlowVersionRepository(MemoryDatabase db) {
        this.db = db;
    }

    @Override
    public Uni<Optional<FlowVersion>> create(FlowVersion v) {
        return db.call(() -> {
            Flow flow = db.flows.get(v.flowId());
            if (flow == null || !flow.tenantId().equals(v.tenantId())) return Optional.<FlowVersion>empty();
            if (db.versions.containsKey(v.id())) {
                throw new StoreConflictException(Constraints.VERSION_ID, "version id exists");
            }
            int next = db.versions.values().stream().filter(x -> x.flowId().equals(v.flowId()))
                    .mapToInt(FlowVersion::versionNumber).max().orElse(0) + 1;
            Instant now = MemoryDatabase.now();
            FlowVersion stored = v.stored(next, now, copy(v.data()), copy(v.diagnostics()));
            db.versions.put(v.id(), stored);
            db.flows.put(flow.id(), new Flow(flow.id(), flow.tenantId(), flow.name(), flow.description(),
                    flow.thumbnail(), flow.published(), flow.publishedVersionId(), flow.publishedAt(),
                    flow.createdAt(), now));
            return Optional.of(out(stored));
        });
    }

    @Override
    public Uni<Optional<FlowVersion>> find(UUID tenantId, UUID versionId) {
        return db.call(() -> Optional.ofNullable(db.versions.get(versionId))
                .filter(v -> v.tenantId().equals(tenantId)).map(MemoryFlowVersionRepository::out));
    }

    @Override
    public Uni<Optional<FlowVersion>> find(UUID tenantId, UUID flowId, UUID versionId) {
        return db.call(() -> Optional.ofNullable(db.versions.get(versionId))
                .filter(v -> v.tenantId().equals(tenantId) && v.flowId().equals(flowId))
                .map(MemoryFlowVersionRepository::out));
    }

    @Override
    public Uni<Optional<FlowVersion>> latest(UUID tenantId, UUID flowId) {
        return db.call(() -> db.versions.values().stream()
                .filter(v -> v.tenantId().equals(tenantId) && v.flowId().equals(flowId))
                .min(NEWEST_FIRST).map(MemoryFlowVersionRepository::out));
    }

    @Override
    public Uni<List<VersionSummary>> list(UUID tenantId, UUID flowId) {
        return db.call(() -> db.versions.values().stream()
                .filter(v -> v.tenantId().equals(tenantId) && v.flowId().equals(flowId))
                .sorted(NEWEST_FIRST).map(FlowVersion::summary).toList());
    }

    @Override
    public Uni<Boolean> delete(UUID tenantId, UUID flowId, UUID versionId) {
        return db.call(() -> {
            FlowVersion v = db.versions.get(versionId);
            if (v == null || !v.tenantId().equals(tenantId) || !v.flowId().equals(flowId)) return false;
            Flow flow = db.flows.get(flowId);
            if (flow != null && versionId.equals(flow.publishedVersionId())) {
                throw new StoreConflictException(Constraints.FLOW_PUBLISHED_VERSION,
                        "version " + versionId + " is the published version of its flow");
            }
            db.versions.remove(versionId);
            return true;
        });
    }

    private static FlowVersion out(FlowVersion v) {
        return v.stored(v.versionNumber(), v.createdAt(), copy(v.data()), copy(v.diagnostics()));
    }
}
