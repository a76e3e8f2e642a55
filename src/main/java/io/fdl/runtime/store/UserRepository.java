package io.fdl.runtime.store;

import io.smallrye.mutiny.Uni;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface UserRepository {
    /** @throws StoreConflictException ({@link Constraints#USER_USERNAME}) for a taken username in the tenant */
    Uni<User> create(User user);

    Uni<Optional<User>> find(UUID tenantId, UUID userId);

    Uni<Optional<User>> findByUsername(UUID tenantId, String username);

    /** The tenant's users, by username. */
    Uni<List<User>> list(UUID tenantId);

    Uni<Long> count(UUID tenantId);

    /** Replaces username, hash, roles, bu_code, failed_attempts, locked_until; empty when absent. */
    Uni<Optional<User>> update(User user);

    Uni<Boolean> delete(UUID tenantId, UUID userId);
}
