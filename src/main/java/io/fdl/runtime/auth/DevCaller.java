package io.fdl.runtime.auth;

import java.util.List;

/**
 * The caller of a request without credentials in dev mode (editor-json.md §6): admin — never
 * superadmin — of tenant {@code default}, business unit {@code default}, exactly what the original
 * backend (which had no authentication) let its editor do. Dev logins yield the same tenant.
 */
public final class DevCaller {
    private DevCaller() {}

    public static final String USERNAME = "dev";

    public static final AuthPrincipal PRINCIPAL = new AuthPrincipal(USERNAME, TenantIds.DEFAULT_TENANT_ID,
            TenantIds.DEFAULT_TENANT_NAME, AuthPrincipal.DEFAULT_BU, Roles.expand(List.of(Roles.ADMIN)));
}
