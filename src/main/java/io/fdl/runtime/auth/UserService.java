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

    public record NewUser(String username, String password, List<String> roles, String buCode) {}

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
        List<String> roles = req.roles() == null || req.roles().isEmpty() ? List.of(Roles.VIEWER) : req.roles();
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

    public Uni<Void> delete(UUID tenantId, AuthPrincipal actor, UUID userId) {
        return get(tenantId, userId).chain(u -> {
            if (u.username().equals(actor.username()) && tenantId.toString().equals(actor.tenantId())) {
                return Uni.createFrom().failure(ApiException.conflict("CANNOT_DELETE_SELF",
                        "You cannot delete your own account"));
            }
            if (u.roles().contains(Roles.SUPERADMIN) && !actor.isSuperadmin()) {
                return Uni.createFrom().failure(ApiException.forbidden("Only a superadmin may delete a superadmin"));
            }
            return audit.withAudit(() -> users.delete(tenantId, userId).invoke(deleted -> {
                        if (!deleted) throw ApiException.notFound("User not found");
                    }), d -> AuditService.Record.of(AuditEvents.USER_DELETE, "user", userId,
                            Map.of("username", u.username())).in(tenantId))
                    .replaceWithVoid();
        });
    }
}
