package io.fdl.runtime.store.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import io.fdl.runtime.store.Execution;
import io.fdl.runtime.store.ExecutionFilter;
import io.fdl.runtime.store.ExecutionMode;
import io.fdl.runtime.store.ExecutionRepository;
import io.fdl.runtime.store.ExecutionStatus;
import io.fdl.runtime.store.ExecutionSummary;
import io.fdl.runtime.store.Page;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Executions: history rows plus, while unfinished, a snapshot row (see V4/V5). */
final class PgExecutionRepository extends PgBase implements ExecutionRepository {

    PgExecutionRepository(ContextRunner runner) {
        super(runner);
    }

    @Override
    public Uni<Execution> create(Execution x) {
        return write(() -> {
            ExecutionEntity e = new ExecutionEntity();
            e.id = x.id();
            e.tenantId = x.tenantId();
            e.flowId = x.flowId();
            e.flowName = Json.text(x.flowName());
            e.versionId = x.versionId();
            e.mode = x.mode().wire();
            e.inputs = Json.copy(x.inputs());
            e.parentExecutionId = x.parentExecutionId();
            e.idempotencyKey = x.idempotencyKey();
            e.startedAt = x.startedAt() == null ? Json.now() : Json.micros(x.startedAt());
            e.setMutable(x);
            return e.persistAndFlush().chain(ignored -> writeSnapshot(e, x.snapshot()))
                    .map(snapshot -> e.toRecord(snapshot));
        });
    }

    /** Stores (or removes) the snapshot row to match the execution; returns what is stored. */
    private static Uni<JsonNode> writeSnapshot(ExecutionEntity e, JsonNode snapshot) {
        if (e.terminal() || snapshot == null) {
            return SnapshotEntity.delete("executionId = ?1", e.id).replaceWith((JsonNode) null);
        }
        return SnapshotEntity.<SnapshotEntity>findById(e.id).chain(s -> {
            SnapshotEntity row = s == null ? new SnapshotEntity() : s;
            row.executionId = e.id;
            row.tenantId = e.tenantId;
            row.snapshot = Json.storable(snapshot);
            row.updatedAt = Json.now();
            return (s == null ? row.persist() : Uni.createFrom().item(row)).replaceWith(row.snapshot);
        });
    }

    private static Uni<ExecutionEntity> get(UUID tenantId, UUID id, boolean lock) {
        PanacheQuery<ExecutionEntity> q = ExecutionEntity.find("id = ?1 and tenantId = ?2", id, tenantId);
        return (lock ? q.withLock(LockModeType.PESSIMISTIC_WRITE) : q).firstResult();
    }

    private static Uni<Optional<Execution>> withSnapshot(ExecutionEntity e) {
        if (e == null) return Uni.createFrom().item(Optional.empty());
        if (e.terminal()) return Uni.createFrom().item(Optional.of(e.toRecord(null)));
        return SnapshotEntity.<SnapshotEntity>findById(e.id)
                .map(s -> Optional.of(e.toRecord(s == null ? null : s.snapshot)));
    }

    @Override
    public Uni<Optional<Execution>> find(UUID tenantId, UUID executionId) {
        return read(() -> get(tenantId, executionId, false).chain(PgExecutionRepository::withSnapshot));
    }

    @Override
    public Uni<Optional<Execution>> findByIdempotencyKey(UUID tenantId, String idempotencyKey) {
        return read(() -> ExecutionEntity.<ExecutionEntity>find("tenantId = ?1 and idempotencyKey = ?2", tenantId,
                idempotencyKey).firstResult().chain(PgExecutionRepository::withSnapshot));
    }

    @Override
    public Uni<Optional<Execution>> update(Execution x) {
        return update(x, null);
    }

    @Override
    public Uni<Optional<Execution>> update(Execution x, Set<ExecutionStatus> expected) {
        // the row lock makes the status check and the write one atomic compare-and-set
        return write(() -> get(x.tenantId(), x.id(), true).chain(e -> {
            if (e == null || (expected != null && !expected.contains(ExecutionStatus.fromWire(e.status)))) {
                return Uni.createFrom().item(Optional.<Execution>empty());
            }
            e.setMutable(x);
            return writeSnapshot(e, x.snapshot()).map(snapshot -> Optional.of(e.toRecord(snapshot)));
        }));
    }

    @Override
    public Uni<Boolean> saveSnapshot(UUID tenantId, UUID executionId, JsonNode snapshot) {
        return write(() -> get(tenantId, executionId, true).chain(e -> {
            if (e == null || e.terminal()) return Uni.createFrom().item(false);
            return writeSnapshot(e, snapshot).replaceWith(true);
        }));
    }

    @Override
    public Uni<Page<ExecutionSummary>> list(UUID tenantId, ExecutionFilter filter, int limit, int offset) {
        ExecutionFilter f = filter == null ? ExecutionFilter.ALL : filter;
        String where = " from ExecutionEntity e where e.tenantId = :t"
                + (f.flowId() != null ? " and e.flowId = :f" : "")
                + (f.status() != null ? " and e.status = :s" : "");
        // a projection: the list never loads inputs/result JSON (uses idx_execution_history_tenant_*_started)
        String select = "select e.id, e.flowId, e.flowName, e.versionId, e.status, e.mode, e.progress, e.startedAt,"
                + " e.completedAt, e.durationMs" + where + " order by e.startedAt desc, e.id desc";
        return read(() -> Panache.getSession().chain(session -> {
            var count = session.createSelectionQuery("select count(e)" + where, Long.class);
            var rows = session.createSelectionQuery(select, Object[].class);
            bind(count, tenantId, f);
            bind(rows, tenantId, f);
            return count.getSingleResult().chain(total -> {
                if (limit <= 0 || offset >= total) {
                    return Uni.createFrom().item(new Page<ExecutionSummary>(List.of(), total, limit, offset));
                }
                return rows.setFirstResult(offset).setMaxResults(limit).getResultList().map(list -> new Page<>(
                        list.stream().map(PgExecutionRepository::summary).toList(), total, limit, offset));
            });
        }));
    }

    private static void bind(org.hibernate.reactive.mutiny.Mutiny.SelectionQuery<?> q, UUID tenantId,
                             ExecutionFilter f) {
        q.setParameter("t", tenantId);
        if (f.flowId() != null) q.setParameter("f", f.flowId());
        if (f.status() != null) q.setParameter("s", f.status().wire());
    }

    private static ExecutionSummary summary(Object[] r) {
        return new ExecutionSummary((UUID) r[0], (UUID) r[1], (String) r[2], (UUID) r[3],
                ExecutionStatus.fromWire((String) r[4]), ExecutionMode.fromWire((String) r[5]), (Double) r[6],
                (Instant) r[7], (Instant) r[8], (Long) r[9]);
    }

    @Override
    public Uni<Long> countStartedSince(UUID tenantId, Instant since) {
        return read(() -> ExecutionEntity.count("tenantId = ?1 and startedAt >= ?2", tenantId, since));
    }
}
