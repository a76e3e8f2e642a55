package io.fdl.runtime.store;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A stored login (dev mode off). {@code username} is unique per tenant.
 *
 * @param passwordHash bcrypt/argon2 hash, never a password
 * @param lockedUntil  null when not locked
 * @param tokenVersion carried by the user's access tokens; the store increments it on every update
 *                     that changes roles, password hash or disabled (the value given to update is ignored),
 *                     which revokes the tokens issued before
 * @param disabled     a disabled user cannot log in and its tokens are refused
 */
public record User(UUID id, UUID tenantId, String username, String passwordHash, List<String> roles,
                   String buCode, int failedAttempts, Instant lockedUntil, Instant createdAt, Instant updatedAt,
                   int tokenVersion, boolean disabled) {
    public User {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    /** A new, enabled user (version 0). */
    public User(UUID id, UUID tenantId, String username, String passwordHash, List<String> roles, String buCode,
                int failedAttempts, Instant lockedUntil, Instant createdAt, Instant updatedAt) {
        this(id, tenantId, username, passwordHash, roles, buCode, failedAttempts, lockedUntil, createdAt, updatedAt,
                0, false);
    }

    public User withLoginState(int failedAttempts, Instant lockedUntil) {
        return new User(id, tenantId, username, passwordHash, roles, buCode, failedAttempts, lockedUntil, createdAt,
                updatedAt, tokenVersion, disabled);
    }

    public User withAccess(List<String> roles, boolean disabled) {
        return new User(id, tenantId, username, passwordHash, roles, buCode, failedAttempts, lockedUntil, createdAt,
                updatedAt, tokenVersion, disabled);
    }

    /** The version {@code next} must carry when it replaces this stored user. */
    public int nextTokenVersion(User next) {
        boolean revoke = !roles.equals(next.roles()) || disabled != next.disabled()
                || !java.util.Objects.equals(passwordHash, next.passwordHash());
        return revoke ? tokenVersion + 1 : tokenVersion;
    }
}
