package io.fdl.runtime.store;

import io.smallrye.mutiny.Uni;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface DatasourceRepository {
    /** @throws StoreConflictException ({@link Constraints#DATASOURCE_NAME}) for a taken name */
    Uni<Datasource> create(Datasource datasource);

    Uni<Optional<Datasource>> find(UUID tenantId, String name);

    /** By name. */
    Uni<List<Datasource>> list(UUID tenantId);

    /** Replaces every field of (tenant, name) but createdAt; empty when absent. */
    Uni<Optional<Datasource>> update(Datasource datasource);

    Uni<Boolean> delete(UUID tenantId, String name);
}
