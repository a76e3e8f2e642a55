package io.fdl.runtime.store;

import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface FlowRepository {
    /** Stores a new flow (names need not be unique). @throws StoreConflictException for a taken id */
    Uni<Flow> create(Flow flow);

    Uni<Optional<Flow>> find(UUID tenantId, UUID flowId);

    /** Flows named exactly {@code name} (for {@code flow://<name>}: the caller checks ambiguity). */
    Uni<List<Flow>> findByName(UUID tenantId, String name);

    /**
     * Newest {@code updated_at} first (ties: id descending). {@code q}, when not blank, keeps flows whose
     * name or description contains it, case-insensitively (no wildcards).
     */
    default Uni<Page<FlowSummary>> list(UUID tenantId, String q, int limit, int offset) {
        return list(tenantId, q, null, limit, offset);
    }

    /** As {@link #list(UUID, String, int, int)}; {@code published} non-null keeps only flows published (or not). */
    Uni<Page<FlowSummary>> list(UUID tenantId, String q, Boolean published, int limit, int offset);

    /** For the {@code max_flows} quota. */
    Uni<Long> count(UUID tenantId);

    /** Updates name, description, thumbnail and {@code updated_at}; empty when absent. */
    Uni<Optional<Flow>> update(Flow flow);

    /** Deletes the flow with its versions and API keys; executions are kept. */
    Uni<Boolean> delete(UUID tenantId, UUID flowId);

    /** Publishes a version of this flow; empty when the flow or the version (of this flow) is absent. */
    Uni<Optional<Flow>> publish(UUID tenantId, UUID flowId, UUID versionId, Instant publishedAt);

    /** Clears the publishing fields; empty when absent. */
    Uni<Optional<Flow>> unpublish(UUID tenantId, UUID flowId);
}
