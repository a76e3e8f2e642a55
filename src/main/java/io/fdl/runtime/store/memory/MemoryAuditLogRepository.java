package io.fdl.runtime.store.memory;

import io.fdl.runtime.store.AuditEntry;
import io.fdl.runtime.store.AuditLogRepository;
import io.fdl.runtime.store.Constraints;
import io.fdl.runtime.store.Page;
import io.fdl.runtime.store.StoreConflictException;
import io.smallrye.mutiny.Uni;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import static io.fdl.runtime.store.memory.MemoryDatabase.copy;
import static io.fdl.runtime.store.memory.MemoryDatabase.copyOrEmpty;

final class MemoryAuditLogRepository implements AuditLogRepository {
    private static final Comparator<AuditEntry> NEWEST_FIRST = Comparator.comparing(AuditEntry::createdAt)
            .thenComparing(AuditEntry::id, MemoryDatabase.UUID_ORDER).reversed();

    private final MemoryDatabase db;

    MemoryAuditLogRepository(MemoryDatabase db) {
        this.db = db;
    }

    @Override
    public Uni<AuditEntry> append(AuditEntry e) {
        return db.call(() -> {
            if (db.audit.containsKey(e.id())) throw new StoreConflictException(Constraints.AUDIT_ID, "audit id exists");
            AuditEntry stored = new AuditEntry(e.id(), e.tenantId(), e.userId(), e.eventType(), e.resourceType(),
                    e.resourceId(), copyOrEmpty(e.details()), e.ip(), MemoryDatabase.now());
            db.audit.put(e.id(), stored);
            db.audited();
            return out(stored);
        });
    }

    @Override
    public Uni<Page<AuditEntry>> list(UUID tenantId, String eventType, int limit, int offset) {
        return db.call(() -> {
            List<AuditEntry> matching = db.audit.values().stream()
                    .filter(e -> e.tenantId().equals(tenantId))
                    .filter(e -> eventType == null || eventType.equals(e.eventType()))
                    .sorted(NEWEST_FIRST).toList();
            return new Page<>(matching.stream().skip(offset).limit(limit).map(MemoryAuditLogRepository::out).toList(),
                    matching.size(), limit, offset);
        });
    }

    private static AuditEntry out(AuditEntry e) {
        return new AuditEntry(e.id(), e.tenantId(), e.userId(), e.eventType(), e.resourceType(), e.resourceId(),
                copy(e.details()), e.ip(), e.createdAt());
    }
}
