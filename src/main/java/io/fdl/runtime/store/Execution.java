package io.fdl.runtime.store;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One record per execution, from start to finish (api.md §5).
 *
 * @param flowId            null for a direct run (reported as {@code "direct"})
 * @param versionId         null for a direct run
 * @param inputs            the validated inputs (JSON object)
 * @param result            the shaped result once finished (as in the sync response), else null
 * @param error             the error message when failed, else null
 * @param errorDetail       {@code {code, message, node}} when failed, else null
 * @param progress          0..1
 * @param currentNodes      node paths running now (empty when finished)
 * @param snapshot          the run state while the execution is not finished (engine data that lets it
 *                          be inspected/resumed); the store drops it when the execution reaches a
 *                          terminal status, whatever the record says
 * @param parentExecutionId the calling run for {@code flow://} children, else null
 * @param idempotencyKey    unique per tenant when not null
 */
public record Execution(UUID id, UUID tenantId, UUID flowId, String flowName, UUID versionId,
                        ExecutionStatus status, ExecutionMode mode, JsonNode inputs, JsonNode result,
                        String error, JsonNode errorDetail, double progress, List<String> currentNodes,
                        JsonNode snapshot, UUID parentExecutionId, String idempotencyKey,
                        Instant startedAt, Instant completedAt, Long durationMs) {

    public Execution {
        currentNodes = currentNodes == null ? List.of() : List.copyOf(currentNodes);
    }

    /** A new execution in {@code status} (usually pending or running) started at {@code startedAt}. */
    public static Execution start(UUID id, UUID tenantId, UUID flowId, String flowName, UUID versionId,
                                  ExecutionStatus status, ExecutionMode mode, JsonNode inputs,
                                  UUID parentExecutionId, String idempotencyKey, Instant startedAt) {
        return new Execution(id, tenantId, flowId, flowName, versionId, status, mode, inputs, null, null, null,
                0, List.of(), null, parentExecutionId, idempotencyKey, startedAt, null, null);
    }

    /** The same execution, still going, with new progress / running nodes / status / run state. */
    public Execution withProgress(ExecutionStatus status, double progress, List<String> currentNodes,
                                  JsonNode snapshot) {
        return new Execution(id, tenantId, flowId, flowName, versionId, status, mode, inputs, result, error,
                errorDetail, progress, currentNodes, snapshot, parentExecutionId, idempotencyKey, startedAt,
                completedAt, durationMs);
    }

    /** The same execution, finished: the store drops the snapshot. */
    public Execution finish(ExecutionStatus status, JsonNode result, String error, JsonNode errorDetail,
                            Instant completedAt) {
        Long duration = startedAt == null || completedAt == null ? null
                : completedAt.toEpochMilli() - startedAt.toEpochMilli();
        return new Execution(id, tenantId, flowId, flowName, versionId, status, mode, inputs, result, error,
                errorDetail, status == ExecutionStatus.COMPLETED ? 1.0 : progress, List.of(), null,
                parentExecutionId, idempotencyKey, startedAt, completedAt, duration);
    }

    public ExecutionSummary summary() {
        return new ExecutionSummary(id, flowId, flowName, versionId, status, mode, progress, startedAt, completedAt,
                durationMs);
    }
}
