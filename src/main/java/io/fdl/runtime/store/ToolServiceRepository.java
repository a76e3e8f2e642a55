package io.fdl.runtime.store;

import io.smallrye.mutiny.Uni;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface ToolServiceRepository {
    /** @throws StoreConflictException ({@link Constraints#TOOL_SERVICE_NAME}) for a taken name */
    Uni<ToolService> create(ToolService service);

    Uni<Optional<ToolService>> find(UUID tenantId, String name);

    /** By name. */
    Uni<List<ToolService>> list(UUID tenantId);

    /** Replaces every field of (tenant, name) but createdAt; empty when absent. */
    Uni<Optional<ToolService>> update(ToolService service);

    Uni<Boolean> delete(UUID tenantId, String name);
}
