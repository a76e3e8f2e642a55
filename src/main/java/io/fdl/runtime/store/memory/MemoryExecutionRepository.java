package io.fdl.runtime.store.memory;

import com.fasterxml.jackson.databind.JsonNode;
import io.fdl.runtime.store.Constraints;
import io.fdl.runtime.store.Execution;
import io.fdl.runtime.store.ExecutionFilter;
import io.fdl.runtime.store.ExecutionRepository;
import io.fdl.runtime.store.ExecutionStatus;
import io.fdl.runtime.store.ExecutionSummary;
import io.fdl.runtime.store.Page;
import io.fdl.runtime.store.StoreConflictException;
import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static io.fdl.runtime.store.memory.MemoryDatabase.copy;
import static io.fdl.runtime.store.memory.MemoryDatabase.micros;

final class MemoryExecutionRepository implements ExecutionRepository {
    private static final Comparator<Execution> NEWEST_FIRST = Comparator.comparing(Execution::startedAt)
            .thenComparing(Execution::id, MemoryDatabase.UUID_ORDER).reversed();

    private final MemoryDatabase db;

    MemoryExecutionRepository(MemoryDatabase db) {
        this.db = db;
    }

    @Override
    public Uni<Execution> create(Execution e) {
        return db.call(() -> {
            if (db.executions.containsKey(e.id())) {
                throw new StoreConflictException(Constraints.EXECUTION_ID, "execution id exists");
            }
            if (e.idempotencyKey() != null && byKey(e.tenantId(), e.idempotencyKey()).isPresent()) {
                throw new StoreConflictException(Constraints.EXECUTION_IDEMPOTENCY_KEY,
                        "an execution with this idempotency key exists");
            }
            Execution stored = normalise(e, e.startedAt() == null ? MemoryDatabase.now() : e.startedAt());
            db.executions.put(e.id(), stored);
            if (e.idempotencyKey() != null) db.idempotencyKeys.put(new MemoryDatabase.Key(e.tenantId(), e.idempotencyKey()), e.id());
            if (stored.status().terminal()) db.finished(stored.id());
            return out(stored);
        });
    }

    /** Copies JSON, truncates instants, and drops the snapshot of a finished execution. */
    private static Execution normalise(Execution e, Instant startedAt) {
        JsonNode snapshot = e.status().terminal() ? null : copy(e.snapshot());
        return new Execution(e.id(), e.tenantId(), e.flowId(), e.flowName(), e.versionId(), e.status(), e.mode(),
                copy(e.inputs()), copy(e.result()), e.error(), copy(e.errorDetail()), e.progress(), e.currentNodes(),
                snapshot, e.parentExecutionId(), e.idempotencyKey(), micros(startedAt), micros(e.completedAt()),
                e.durationMs());
    }

    private Optional<Execution> get(UUID tenantId, UUID id) {
        return Optional.ofNullable(db.executions.get(id)).filter(x -> x.tenantId().equals(tenantId));
    }

    private Optional<Execution> byKey(UUID tenantId, String key) {
        UUID id = db.idempotencyKeys.get(new MemoryDatabase.Key(tenantId, key));
        return id == null ? Optional.empty() : get(tenantId, id);
    }

    @Override
    public Uni<Optional<Execution>> find(UUID tenantId, UUID executionId) {
        return db.call(() -> get(tenantId, executionId).map(MemoryExecutionRepository::out));
    }

    @Override
    public Uni<Optional<Execution>> findByIdempotencyKey(UUID tenantId, String idempotencyKey) {
        return db.call(() -> byKey(tenantId, idempotencyKey).map(MemoryExecutionRepository::out));
    }

    @Override
    public Uni<Optional<Execution>> update(Execution e) {
        return update(e, null);
    }

    @Override
    public Uni<Optional<Execution>> update(Execution e, Set<ExecutionStatus> expected) {
        return db.call(() -> get(e.tenantId(), e.id())
                .filter(old -> expected == null || expected.contains(old.status()))
                .map(old -> {
                    // Identity fields (flow, version, mode, inputs, parent, key, start) are written once.
                    Execution merged = new Execution(old.id(), old.tenantId(), old.flowId(), old.flowName(),
                            old.versionId(), e.status(), old.mode(), old.inputs(), e.result(), e.error(),
                            e.errorDetail(), e.progress(), e.currentNodes(), e.snapshot(), old.parentExecutionId(),
                            old.idempotencyKey(), old.startedAt(), e.completedAt(), e.durationMs());
                    Execution stored = normalise(merged, old.startedAt());
                    db.executions.put(stored.id(), stored);
                    Execution answer = out(stored);
                    if (stored.status().terminal()) db.finished(stored.id()); // may evict the oldest finished
                    return answer;
                }));
    }

    @Override
    public Uni<Boolean> saveSnapshot(UUID tenantId, UUID executionId, JsonNode snapshot) {
        return db.call(() -> get(tenantId, executionId).filter(old -> !old.status().terminal()).map(old -> {
            db.executions.put(old.id(), old.withProgress(old.status(), old.progress(), old.currentNodes(),
                    copy(snapshot)));
            return true;
        }).orElse(false));
    }

    @Override
    public Uni<Page<ExecutionSummary>> list(UUID tenantId, ExecutionFilter filter, int limit, int offset) {
        ExecutionFilter f = filter == null ? ExecutionFilter.ALL : filter;
        return db.call(() -> {
            List<Execution> matching = db.executions.values().stream()
                    .filter(x -> x.tenantId().equals(tenantId))
                    .filter(x -> f.flowId() == null || f.flowId().equals(x.flowId()))
                    .filter(x -> f.status() == null || f.status() == x.status())
                    .sorted(NEWEST_FIRST).toList();
            return new Page<>(matching.stream().skip(offset).limit(limit).map(Execution::summary).toList(),
                    matching.size(), limit, offset);
        });
    }

    @Override
    public Uni<Long> countStartedSince(UUID tenantId, Instant since) {
        return db.call(() -> db.executions.values().stream()
                .filter(x -> x.tenantId().equals(tenantId) && !x.startedAt().isBefore(since)).count());
    }

    private static Execution out(Execution e) {
        return new Execution(e.id(), e.tenantId(), e.flowId(), e.flowName(), e.versionId(), e.status(), e.mode(),
                copy(e.inputs()), copy(e.result()), e.error(), copy(e.errorDetail()), e.progress(), e.currentNodes(),
                copy(e.snapshot()), e.parentExecutionId(), e.idempotencyKey(), e.startedAt(), e.completedAt(),
                e.durationMs());
    }
}
