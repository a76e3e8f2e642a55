package io.fdl.runtime.store;

import io.smallrye.mutiny.Uni;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The write path of executions (issues 11 and 12): the start, the checkpoints, the end, and — in
 * PostgreSQL mode — the leases by which replicas own their runs. Each method is ONE statement and
 * one commit, so a short sync run costs two commits (start, end with all its events). Every write
 * after the start is fenced by the lease epoch: it commits nothing when the run was taken over or
 * finished elsewhere, and says so ({@code false} / empty).
 *
 * <p>Memory mode keeps single-process semantics: no leases, nothing to claim.
 */
public interface RunLedger {

    /**
     * Creates the execution (owned by {@code owner} at epoch 1 when it is running, unowned when it is
     * queued as pending) with its audit line.
     *
     * @throws StoreConflictException {@link Constraints#EXECUTION_IDEMPOTENCY_KEY} as {@link ExecutionRepository#create}
     */
    Uni<Execution> start(Execution execution, String owner, com.fasterxml.jackson.databind.JsonNode resume,
                         UUID retryOf, AuditEntry audit);

    /** Appends events and steps of a live run, all or nothing; false when the lease epoch no longer matches. */
    Uni<Boolean> checkpoint(UUID tenantId, UUID executionId, long epoch, List<StoredEvent> events, List<RunStep> steps);

    /** Saves the progress of a live run (status, progress, running nodes, snapshot); false when fenced out. */
    Uni<Boolean> progress(Execution progress, long epoch);

    /**
     * Writes the end of a run: the last events and steps, the final record (status, result, error …) and
     * its audit line ({@code audit} may be null), and gives up the lease. Empty when fenced out (finished or
     * taken over elsewhere).
     */
    Uni<Optional<Execution>> finish(Execution done, long epoch, List<StoredEvent> events, List<RunStep> steps,
                                    AuditEntry audit);

    /** The recorded steps of an execution (a redrive reuses the successful ones). */
    Uni<List<RunStep>> steps(UUID tenantId, UUID executionId);

    // ---- leases (PostgreSQL mode) -------------------------------------------------------------

    /**
     * Renews this replica's lease (one statement for all its runs) and returns the ids of executions it
     * owns that were finished elsewhere meanwhile (cancelled from another replica): the local copies stop.
     */
    Uni<List<UUID>> heartbeat(String replicaId);

    /**
     * Takes up to {@code limit} runs that nobody holds: queued ones, parked ones whose wake-up time came,
     * and those whose owner's heartbeat is older than {@code lease} (crashed, partitioned, paused).
     */
    Uni<List<ClaimedRun>> claim(String replicaId, Duration lease, int limit);

    /**
     * Gives up this replica's leases on {@code executionIds} (graceful shutdown): others claim them at
     * once. {@code null}: all of them (at start, what an earlier process with the same replica id held).
     */
    Uni<Void> release(String replicaId, List<UUID> executionIds);

    /** Gives up the lease of a run that only waits, until {@code wakeAt}; false when fenced out. */
    Uni<Boolean> park(UUID executionId, long epoch, java.time.Instant wakeAt);

    /** Queued (pending, unowned) executions across all replicas. */
    Uni<Long> queued();

    /** Whether this ledger has leases (PostgreSQL) or runs everything in this process (memory). */
    boolean shared();
}
