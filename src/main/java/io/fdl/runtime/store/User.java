package io.fdl.runtime.store;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A stored login (dev mode off). {@code username} is unique per tenant.
 *
 * @param passwordHash bcrypt/argon2 hash, never a password
 * @param lockedUntil  null when not locked
 */
public record User(UUID id, UUID tenantId, String username, String passwordHash, List<String> roles,
                   String buCode, int failedAttempts, Instant lockedUntil, Instant createdAt, Instant updatedAt) {
    public User {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }
}
