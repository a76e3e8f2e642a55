package io.fdl.runtime.service;

import java.util.Set;
import java.util.UUID;

/**
 * Who is calling, as the services need it: always taken from the token (api.md §3.2), never from a
 * body. {@code tenantClaim} is the token's {@code tenant_id} as written (a flow's built-in input
 * {@code tenantId}); {@code tenantId} is its UUID form used for storage.
 */
public record Caller(UUID tenantId, String tenantClaim, String buCode, String subject, Set<String> roles) {

    public static final String VIEWER = "viewer";
    public static final String EXECUTOR = "executor";
    public static final String EDITOR = "editor";
    public static final String ADMIN = "admin";
    public static final String SUPERADMIN = "superadmin";

    private static final java.util.List<String> LADDER = java.util.List.of(VIEWER, EXECUTOR, EDITOR, ADMIN, SUPERADMIN);

    public Caller {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    /** True when the caller holds {@code role} or any role above it (api.md §3.3). */
    public boolean atLeast(String role) {
        int needed = LADDER.indexOf(role);
        for (String r : roles) if (LADDER.indexOf(r) >= needed && needed >= 0) return true;
        return false;
    }
}
