package io.fdl.runtime.store;

import java.time.Instant;
import java.util.UUID;

/** An execution as listed (api.md §5 {@code GET /api/execute/list}), without its JSON payloads. */
public record ExecutionSummary(UUID id, UUID flowId, String flowName, UUID versionId, ExecutionStatus status,
                               ExecutionMode mode, double progress, Instant startedAt, Instant completedAt,
                               Long durationMs) {
}
