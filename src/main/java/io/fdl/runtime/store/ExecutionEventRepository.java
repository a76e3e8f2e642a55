package io.fdl.runtime.store;

import io.smallrye.mutiny.Uni;

import java.util.List;
import java.util.UUID;

public interface ExecutionEventRepository {
    /**
     * Appends events (all of {@code tenantId}) in one batch: all or none.
     *
     * @throws StoreConflictException ({@link Constraints#EVENT_SEQ}) when a (execution, seq) already exists
     */
    Uni<Void> append(UUID tenantId, List<StoredEvent> events);

    /** Events with {@code seq > afterSeq}, ascending seq, at most {@code limit}. */
    Uni<List<StoredEvent>> list(UUID tenantId, UUID executionId, long afterSeq, int limit);

    /** The highest stored seq of the execution, 0 when none. */
    Uni<Long> lastSeq(UUID tenantId, UUID executionId);
}
