package io.fdl.runtime.store.memory;

import io.fdl.runtime.store.Constraints;
import io.fdl.runtime.store.ExecutionEventRepository;
import io.fdl.runtime.store.StoreConflictException;
import io.fdl.runtime.store.StoredEvent;
import io.smallrye.mutiny.Uni;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.fdl.runtime.store.memory.MemoryDatabase.copyOrEmpty;
import static io.fdl.runtime.store.memory.MemoryDatabase.micros;

/**
 * Events are the hottest write path, so they do not take the database lock: each execution has its
 * own seq-ordered log, locked on its own (runs append concurrently without contention).
 */
final class MemoryExecutionEventRepository implements ExecutionEventRepository {
    private final Map<UUID, NavigableMap<Long, StoredEvent>> logs;

    /** The logs live in the database so that evicting an execution drops its events too. */
    MemoryExecutionEventRepository(MemoryDatabase db) {
        this.logs = db.eventLogs;
    }

    @Override
    public Uni<Void> append(UUID tenantId, List<StoredEvent> events) {
        return Uni.createFrom().item(() -> {
            Map<UUID, List<StoredEvent>> byExecution = events.stream()
                    .collect(Collectors.groupingBy(StoredEvent::executionId));
            // Lock the logs in a fixed order so two multi-execution batches cannot deadlock.
            List<UUID> ids = byExecution.keySet().stream().sorted(MemoryDatabase.UUID_ORDER).toList();
            appendLocked(tenantId, ids, 0, byExecution);
            return null;
        });
    }

    private void appendLocked(UUID tenantId, List<UUID> ids, int i, Map<UUID, List<StoredEvent>> byExecution) {
        if (i < ids.size()) {
            NavigableMap<Long, StoredEvent> log = logs.computeIfAbsent(ids.get(i), k -> new TreeMap<>());
            synchronized (log) {
                appendLocked(tenantId, ids, i + 1, byExecution);
            }
            return;
        }
        // All logs locked: check every seq first (all or none), then write.
        for (UUID id : ids) {
            NavigableMap<Long, StoredEvent> log = logs.get(id);
            Set<Long> seen = new java.util.HashSet<>();
            for (StoredEvent e : byExecution.get(id)) {
                if (log.containsKey(e.seq()) || !seen.add(e.seq())) {
                    throw new StoreConflictException(Constraints.EVENT_SEQ,
                            "event seq " + e.seq() + " of execution " + id + " exists");
                }
            }
        }
        for (UUID id : ids) {
            NavigableMap<Long, StoredEvent> log = logs.get(id);
            for (StoredEvent e : byExecution.get(id)) {
                log.put(e.seq(), new StoredEvent(e.executionId(), tenantId, e.seq(), e.eventType(), e.nodeId(),
                        copyOrEmpty(e.data()), micros(e.timestamp())));
            }
        }
    }

    @Override
    public Uni<List<StoredEvent>> list(UUID tenantId, UUID executionId, long afterSeq, int limit) {
        return Uni.createFrom().item(() -> {
            NavigableMap<Long, StoredEvent> log = logs.get(executionId);
            if (log == null) return List.of();
            List<StoredEvent> out = new ArrayList<>();
            synchronized (log) {
                for (StoredEvent e : log.tailMap(afterSeq, false).values()) {
                    if (out.size() >= limit) break;
                    if (e.tenantId().equals(tenantId)) out.add(copy(e));
                }
            }
            return out;
        });
    }

    @Override
    public Uni<Long> lastSeq(UUID tenantId, UUID executionId) {
        return Uni.createFrom().item(() -> {
            NavigableMap<Long, StoredEvent> log = logs.get(executionId);
            if (log == null) return 0L;
            synchronized (log) {
                return log.descendingMap().values().stream().filter(e -> e.tenantId().equals(tenantId))
                        .mapToLong(StoredEvent::seq).findFirst().orElse(0L);
            }
        });
    }

    private static StoredEvent copy(StoredEvent e) {
        return new StoredEvent(e.executionId(), e.tenantId(), e.seq(), e.eventType(), e.nodeId(), e.data().deepCopy(),
                e.timestamp());
    }
}
