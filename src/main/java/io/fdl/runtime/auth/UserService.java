package io.fdl.runtime.auth;

import io.fdl.runtime.api.error.ApiException;
import io.fdl.runtime.store.StoreConflictException;
import io.fdl.runtime.store.User;
import io.fdl.runtime.store.UserRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Users of a tenant (api.md §9), managed by its admins. Passwords are stored as bcrypt hashes only
 * and never returned. Guard rails: only a superadmin may create or delete a superadmin, and nobody
 * deletes their own account (a tenant must not lose its last admin by accident).
 */
@ApplicationScoped
public class UserService {
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@+-]{1,100}");

    @Inject
    UserRepository users;
    @Inject
    PasswordHasher hasher;
    @Inject
    AuditService audit;
    @Inject
    TokenRevocation revocation;

    public record NewUser(String username, String password, List<String> roles, String buCode) {}

    /** {@code PATCH /api/users/{id}}: null fields stay as they are. */
    public record Change(List<String> roles, Boolean disabled) {}

    public Uni<List<User>> list(UUID tenantId) {
        return users.list(tenantId);
    }

    public Uni<User> get(UUID tenantId, UUID userId) {
        return users.find(tenantId, userId).map(u -> u.orElseThrow(() -> ApiException.notFound("User not found")));
    }

    public Uni<User> create(UUID tenantId, AuthPrincipal actor, NewUser req) {
        if (req.username() == null || !USERNAME.matcher(req.username()).matches()) {
            throw ApiException.badRequest("INVALID_REQUEST",
                    "username must be 1-100 characters of letters, digits and . _ @ + -");
        }
        String violation = PasswordHasher.policyViolation(req.password());
        if (violation != null) throw ApiException.badRequest("INVALID_REQUEST", violation);
        List<String> clean = checkedRoles(actor, req.roles() == null || req.roles().isEmpty() ? List.of(Roles.VIEWER) : req.roles());
        String bu = TenantService.optionalText("bu_code", req.buCode(), TenantService.MAX_TEXT);
        String buCode = bu == null || bu.isBlank() ? AuthPrincipal.DEFAULT_BU : bu;
        return hasher.hash(req.password()).chain(hash -> audit.withAudit(
                () -> users.create(new User(UUID.randomUUID(), tenantId, req.username(), hash, clean, buCode, 0, null,
                        null, null)),
                u -> AuditService.Record.of(AuditEvents.USER_CREATE, "user", u.id(),
                        Map.of("username", u.username(), "roles", u.roles())).in(tenantId)))
                .onFailure(StoreConflictException.class)
                .transform(e -> ApiException.conflict("USER_EXISTS", "A user named '" + req.username()
                        + "' already exists in this tenant"));
    }

    private static List<String> checkedRoles(AuthPrincipal actor, List<String> roles) {
        List<String> clean = new ArrayList<>();
        for (String r : roles) {
            if (!Roles.isKnown(r)) {
                throw ApiException.badRequest("INVALID_REQUEST", "unknown role '" + r + "'; roles: " + Roles.HIERARCHY);
            }
            if (!clean.contains(r)) clean.add(r);
        }
        if (clean.contains(Roles.SUPERADMIN) && !actor.isSuperadmin()) {
            throw ApiException.forbidden("Only a superadmin may grant the superadmin role");
        }
        return clean;
    }

    /**
     * Changes roles and/or disables a user. A change of either revokes the user's tokens at their
     * next request ({@link TokenRevocation}); nobody changes their own account this way.
     */
    public Uni<User> update(UUID tenantId, AuthPrincipal actor, UUID userId, Change change) {
        List<String> roles = change.roles() == null ? null : checkedRoles(actor, change.roles());
        if (roles != null && roles.isEmpty()) throw ApiException.badRequest("INVALID_REQUEST", "roles must not be empty");
        return get(tenantId, userId).chain(u -> {
            ApiException refused = refusal(tenantId, actor, u, "CANNOT_CHANGE_SELF",
                    "You cannot change your own roles or disable yourself", "change");
            if (refused != null) return Uni.createFrom().failure(refused);
            User next = u.withAccess(roles == null ? u.roles() : roles,
                    change.disabled() == null ? u.disabled() : change.disabled());
            return audit.withAudit(() -> users.update(next).map(o -> o.orElseThrow(() -> ApiException.notFound("User not found"))),
                    updated -> AuditService.Record.of(AuditEvents.USER_UPDATE, "user", userId,
                            Map.of("username", updated.username(), "roles", updated.roles(), "disabled", updated.disabled()))
                            .in(tenantId))
                    .invoke(() -> revocation.forget(userId));
        });
    }

    /** Nobody deletes or changes themselves (a tenant must keep an admin); only a superadmin touches a superadmin. */
    private static ApiException refusal(UUID tenantId, AuthPrincipal actor, User u, String selfCode, String selfMessage,
                                        String verb) {
        if (u.username().equals(actor.username()) && tenantId.toString().equals(actor.tenantId())) {
            return ApiException.conflict(selfCode, selfMessage);
        }
        if (u.roles().contains(Roles.SUPERADMIN) && !actor.isSuperadmin()) {
            return ApiException.forbidden("Only a superadmin may " + verb + " a superadmin");
        }
        return null;
    }

    public Uni<Void> delete(UUID tenantId, AuthPrincipal actor, UUID userId) {
        return get(tenantId, userId).chain(u -> {
            ApiException refused = refusal(tenantId, actor, u, "CANNOT_DELETE_SELF", "You cannot delete your own account",
                    "delete");
            if (refused != null) return Uni.createFrom().failure(refused);
            return audit.withAudit(() -> users.delete(tenantId, userId).invoke(deleted -> {
                        if (!deleted) throw ApiException.notFound("User not found");
                    }), d -> AuditService.Record.of(AuditEvents.USER_DELETE, "user", userId,
                            Map.of("username", u.username())).in(tenantId))
                    .invoke(() -> revocation.forget(userId))
                    .replaceWithVoid();
        });
    }
}
