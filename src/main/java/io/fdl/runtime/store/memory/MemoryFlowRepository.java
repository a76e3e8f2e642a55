package io.fdl.runtime.store.memory;

import io.fdl.runtime.store.Constraints;
import io.fdl.runtime.store.Flow;
import io.fdl.runtime.store.FlowRepository;
import io.fdl.runtime.store.FlowSummary;
import io.fdl.runtime.store.FlowVersion;
import io.fdl.runtime.store.Page;
import io.fdl.runtime.store.StoreConflictException;
import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

final class MemoryFlowRepository implements FlowRepository {
    /** Same order as the SQL: updated_at desc, id desc. */
    static final Comparator<Flow> NEWEST_FIRST = Comparator.comparing(Flow::updatedAt)
            .thenComparing(Flow::id, MemoryDatabase.UUID_ORDER).reversed();

    private final MemoryDatabase db;

    MemoryFlowRepository(MemoryDatabase db) {
        this.db = db;
    }

    @Override
    public Uni<Flow> create(Flow f) {
        return db.call(() -> {
            if (db.flows.containsKey(f.id())) throw new StoreConflictException(Constraints.FLOW_ID, "flow id exists");
            Instant now = MemoryDatabase.now();
            Flow stored = new Flow(f.id(), f.tenantId(), f.name(), f.description(), f.thumbnail(), false, null, null,
                    now, now);
            db.flows.put(f.id(), stored);
            return stored;
        });
    }

    private Optional<Flow> get(UUID tenantId, UUID flowId) {
        return Optional.ofNullable(db.flows.get(flowId)).filter(f -> f.tenantId().equals(tenantId));
    }

    @Override
    public Uni<Optional<Flow>> find(UUID tenantId, UUID flowId) {
        return db.call(() -> get(tenantId, flowId));
    }

    @Override
    public Uni<List<Flow>> findByName(UUID tenantId, String name) {
        return db.call(() -> db.flows.values().stream()
                .filter(f -> f.tenantId().equals(tenantId) && f.name().equals(name)).sorted(NEWEST_FIRST).toList());
    }

    @Override
    public Uni<Page<FlowSummary>> list(UUID tenantId, String q, Boolean published, int limit, int offset) {
        String needle = q == null || q.isBlank() ? null : q.toLowerCase(Locale.ROOT);
        return db.call(() -> {
            List<Flow> matching = db.flows.values().stream()
                    .filter(f -> f.tenantId().equals(tenantId))
                    .filter(f -> needle == null || contains(f.name(), needle) || contains(f.description(), needle))
                    .filter(f -> published == null || f.published() == published)
                    .sorted(NEWEST_FIRST).toList();
            List<FlowSummary> page = matching.stream().skip(offset).limit(limit)
                    .map(f -> new FlowSummary(f, versionCount(f.id()))).toList();
            return new Page<>(page, matching.size(), limit, offset);
        });
    }

    private static boolean contains(String s, String needle) {
        return s != null && s.toLowerCase(Locale.ROOT).contains(needle);
    }

    private long versionCount(UUID flowId) {
        return db.versions.values().stream().filter(v -> v.flowId().equals(flowId)).count();
    }

    @Override
    public Uni<Long> count(UUID tenantId) {
        return db.call(() -> db.flows.values().stream().filter(f -> f.tenantId().equals(tenantId)).count());
    }

    @Override
    public Uni<Optional<Flow>> update(Flow f) {
        return db.call(() -> get(f.tenantId(), f.id()).map(old -> {
            Flow stored = new Flow(old.id(), old.tenantId(), f.name(), f.description(), f.thumbnail(), old.published(),
                    old.publishedVersionId(), old.publishedAt(), old.createdAt(), MemoryDatabase.now());
            db.flows.put(old.id(), stored);
            return stored;
        }));
    }

    @Override
    public Uni<Boolean> delete(UUID tenantId, UUID flowId) {
        return db.call(() -> {
            if (get(tenantId, flowId).isEmpty()) return false;
            db.flows.remove(flowId);
            db.versions.values().removeIf(v -> v.flowId().equals(flowId));
            db.apiKeys.values().removeIf(k -> k.flowId().equals(flowId));
            return true;
        });
    }

    @Override
    public Uni<Optional<Flow>> publish(UUID tenantId, UUID flowId, UUID versionId, Instant publishedAt) {
        return db.call(() -> {
            FlowVersion v = db.versions.get(versionId);
            if (v == null || !v.flowId().equals(flowId)) return Optional.<Flow>empty();
            return get(tenantId, flowId).map(old -> put(new Flow(old.id(), old.tenantId(), old.name(),
                    old.description(), old.thumbnail(), true, versionId, MemoryDatabase.micros(publishedAt),
                    old.createdAt(), MemoryDatabase.now())));
        });
    }

    @Override
    public Uni<Optional<Flow>> unpublish(UUID tenantId, UUID flowId) {
        return db.call(() -> get(tenantId, flowId).map(old -> put(new Flow(old.id(), old.tenantId(), old.name(),
                old.description(), old.thumbnail(), false, null, null, old.createdAt(), MemoryDatabase.now()))));
    }

    private Flow put(Flow f) {
        db.flows.put(f.id(), f);
        return f;
    }
}
