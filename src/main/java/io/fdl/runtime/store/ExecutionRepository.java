package io.fdl.runtime.store;

import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

public interface ExecutionRepository {
    /**
     * @throws StoreConflictException {@link Constraints#EXECUTION_IDEMPOTENCY_KEY} when the tenant already has
     *                                an execution with that idempotency key (then {@link #findByIdempotencyKey})
     */
    Uni<Execution> create(Execution execution);

    Uni<Optional<Execution>> find(UUID tenantId, UUID executionId);

    Uni<Optional<Execution>> findByIdempotencyKey(UUID tenantId, String idempotencyKey);

    /**
     * Writes the mutable fields (status, result, error, error_detail, progress, current_nodes, snapshot,
     * completed_at, duration_ms). A terminal status drops the snapshot. Empty when absent.
     */
    Uni<Optional<Execution>> update(Execution execution);

    /**
     * Like {@link #update} but only when the stored status is one of {@code expected} (compare-and-set,
     * e.g. cancel only what is still running; a replica finishing a run that was cancelled elsewhere
     * loses). Empty when absent or the status did not match.
     */
    Uni<Optional<Execution>> update(Execution execution, Set<ExecutionStatus> expected);

    /** Checkpoints the run state of an unfinished execution; false when absent or already finished. */
    Uni<Boolean> saveSnapshot(UUID tenantId, UUID executionId, com.fasterxml.jackson.databind.JsonNode snapshot);

    /** Newest {@code started_at} first (ties: id descending). */
    Uni<Page<ExecutionSummary>> list(UUID tenantId, ExecutionFilter filter, int limit, int offset);

    /** Executions with {@code started_at >= since} (the daily quota passes the start of the UTC day). */
    Uni<Long> countStartedSince(UUID tenantId, Instant since);
}
