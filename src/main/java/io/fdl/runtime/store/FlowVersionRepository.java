package io.fdl.runtime.store;

import io.smallrye.mutiny.Uni;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Versions are immutable: there is no update. */
public interface FlowVersionRepository {
    /**
     * Stores a version with the next number of its flow (1, 2, …; safe under concurrent creates) and
     * touches the flow's {@code updated_at}. Empty when the flow is absent in that tenant.
     */
    Uni<Optional<FlowVersion>> create(FlowVersion version);

    /** A version by its id alone (executions carry only the version id). */
    Uni<Optional<FlowVersion>> find(UUID tenantId, UUID versionId);

    /** A version of the given flow. */
    Uni<Optional<FlowVersion>> find(UUID tenantId, UUID flowId, UUID versionId);

    /** The highest-numbered version of the flow. */
    Uni<Optional<FlowVersion>> latest(UUID tenantId, UUID flowId);

    /** The flow's versions, newest (highest number) first. */
    Uni<List<VersionSummary>> list(UUID tenantId, UUID flowId);

    /**
     * @return false when absent
     * @throws StoreConflictException ({@link Constraints#FLOW_PUBLISHED_VERSION}) for the published version
     */
    Uni<Boolean> delete(UUID tenantId, UUID flowId, UUID versionId);
}
