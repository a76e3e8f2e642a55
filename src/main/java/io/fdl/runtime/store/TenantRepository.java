package io.fdl.runtime.store;

import io.smallrye.mutiny.Uni;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Tenants (superadmin management, quotas). The tenant id is the row id here. Other tables do not
 * reference this one: a token may name a tenant that was never registered (api.md §3.2 maps any
 * tenant string to a UUID), and its data is still stored under that id.
 */
public interface TenantRepository {
    /** @throws StoreConflictException ({@link Constraints#TENANT_ID}) when the id exists */
    Uni<Tenant> create(Tenant tenant);

    Uni<Optional<Tenant>> find(UUID tenantId);

    /** All tenants, by name. */
    Uni<List<Tenant>> list();

    /** Replaces every field but id and createdAt; empty when absent. */
    Uni<Optional<Tenant>> update(Tenant tenant);

    Uni<Boolean> delete(UUID tenantId);
}
