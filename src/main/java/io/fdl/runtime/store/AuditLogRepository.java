package io.fdl.runtime.store;

import io.smallrye.mutiny.Uni;

import java.util.UUID;

public interface AuditLogRepository {
    /** Stores the entry with {@code created_at} = now. */
    Uni<AuditEntry> append(AuditEntry entry);

    /** Newest first (ties: id descending); {@code eventType} null = all. */
    Uni<Page<AuditEntry>> list(UUID tenantId, String eventType, int limit, int offset);
}
