package io.fdl.runtime.store.memory;

import com.fasterxml.jackson.databind.JsonNode;
import io.fdl.runtime.store.AuditEntry;
import io.fdl.runtime.store.AuditLogRepository;
import io.fdl.runtime.store.ClaimedRun;
import io.fdl.runtime.store.Execution;
import io.fdl.runtime.store.ExecutionEventRepository;
import io.fdl.runtime.store.ExecutionRepository;
import io.fdl.runtime.store.ExecutionStatus;
import io.fdl.runtime.store.RunLedger;
import io.fdl.runtime.store.RunStep;
import io.fdl.runtime.store.StoredEvent;
import io.smallrye.mutiny.Uni;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Memory mode's write path: one process owns every run, so there are no leases and nothing to
 * claim; epochs are not checked. Steps are kept (a redrive reuses them) and evicted with their
 * execution.
 */
final class MemoryRunLedger implements RunLedger {
    private final MemoryDatabase db;
    private final ExecutionRepository executions;
    private final ExecutionEventRepository events;
    private final AuditLogRepository audit;

    MemoryRunLedger(MemoryDatabase db, ExecutionRepository executions, ExecutionEventRepository events,
                    AuditLogRepository audit) {
        this.db = db;
        this.executions = executions;
        this.events = events;
        this.audit = audit;
    }

    @Override
    public Uni<Execution> start(Execution execution, String owner, JsonNode resume, UUID retryOf, AuditEntry entry) {
        return executions.create(execution).call(x -> entry == null ? Uni.createFrom().voidItem() : audit.append(entry));
    }

    @Override
    public Uni<Boolean> checkpoint(UUID tenantId, UUID executionId, long epoch, List<StoredEvent> batch,
                                   List<RunStep> steps) {
        return events.append(tenantId, batch).invoke(() -> keep(executionId, steps)).replaceWith(true);
    }

    @Override
    public Uni<Boolean> progress(Execution progress, long epoch) {
        return executions.update(progress, ExecutionStatus.ACTIVE).map(Optional::isPresent);
    }

    @Override
    public Uni<Optional<Execution>> finish(Execution done, long epoch, List<StoredEvent> batch, List<RunStep> steps,
                                           AuditEntry entry) {
        return events.append(done.tenantId(), batch).invoke(() -> keep(done.id(), steps))
                .chain(() -> executions.update(done, ExecutionStatus.ACTIVE))
                .call(updated -> updated.isPresent() && entry != null ? audit.append(entry) : Uni.createFrom().voidItem());
    }

    private void keep(UUID executionId, List<RunStep> steps) {
        if (steps.isEmpty() || !db.executions.containsKey(executionId)) return;
        Map<String, JsonNode> m = db.steps.computeIfAbsent(executionId, k -> java.util.Collections.synchronizedMap(new LinkedHashMap<>()));
        for (RunStep s : steps) m.put(s.key(), s.outcome().deepCopy());
    }

    @Override
    public Uni<List<RunStep>> steps(UUID tenantId, UUID executionId) {
        return Uni.createFrom().item(() -> {
            Execution e = db.executions.get(executionId);
            Map<String, JsonNode> m = e == null || !e.tenantId().equals(tenantId) ? null : db.steps.get(executionId);
            List<RunStep> out = new ArrayList<>();
            if (m != null) synchronized (m) { m.forEach((k, v) -> out.add(new RunStep(k, v.deepCopy()))); }
            return out;
        });
    }

    @Override public Uni<List<UUID>> heartbeat(String replicaId) { return Uni.createFrom().item(List.of()); }

    @Override public Uni<List<ClaimedRun>> claim(String replicaId, Duration lease, int limit) { return Uni.createFrom().item(List.of()); }

    @Override public Uni<Void> release(String replicaId, List<UUID> executionIds) { return Uni.createFrom().voidItem(); }

    @Override public Uni<Boolean> park(UUID executionId, long epoch, Instant wakeAt) { return Uni.createFrom().item(false); }

    @Override public Uni<Long> queued() { return Uni.createFrom().item(0L); }

    @Override public boolean shared() { return false; }
}
