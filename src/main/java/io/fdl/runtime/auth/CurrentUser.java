package io.fdl.runtime.auth;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import java.util.Set;

/**
 * The caller of the current request. Valid inside resource methods protected by
 * {@code @RolesAllowed} (authentication has completed by then, so nothing blocks). API-key requests
 * ({@code /api/v1/**}) have no JWT; their handler installs the key's principal with {@link #actAs}.
 *
 * <p>The tenant is always the token's: {@link #tenantId()} is the UUID to scope every repository
 * call with. {@link #tenantFor(String)} honours a tenant given in a body or query string for a
 * superadmin only (api.md §3.2).
 */
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityIdentity identity;

    private AuthPrincipal override;

    /** The verified principal; UnauthorizedException (401) when the request carries none. */
    public AuthPrincipal principal() {
        if (override != null) return override;
        if (identity == null || identity.isAnonymous()) throw new UnauthorizedException("Authentication required");
        AuthPrincipal p = identity.getAttribute(FdlIdentityAugmentor.PRINCIPAL_ATTRIBUTE);
        if (p == null) throw new UnauthorizedException("Authentication required");
        return p;
    }

    public boolean isAuthenticated() {
        if (override != null) return true;
        return identity != null && !identity.isAnonymous()
                && identity.getAttribute(FdlIdentityAugmentor.PRINCIPAL_ATTRIBUTE) != null;
    }

    /** Tenant UUID (lower case), e.g. {@code 00000000-0000-0000-0000-000000000001} for {@code default}. */
    public String tenantId() { return principal().tenantId(); }

    /** The {@code tenant_id} claim exactly as written in the token (flows receive it as {@code tenantId}). */
    public String tenantClaim() { return principal().tenantClaim(); }

    public String buCode() { return principal().buCode(); }

    /** The token's {@code sub}. */
    public String username() { return principal().username(); }

    /** Roles including the implied lower ones. */
    public Set<String> roles() { return principal().roles(); }

    public boolean hasRole(String role) { return principal().hasRole(role); }

    public boolean isSuperadmin() { return principal().isSuperadmin(); }

    /**
     * The tenant UUID to act on: a non-blank {@code requested} tenant (name or UUID) is honoured
     * for a superadmin only; for everyone else it is ignored and their own tenant is used.
     */
    public String tenantFor(String requested) {
        if (requested != null && !requested.isBlank() && isSuperadmin()) return TenantIds.toUuid(requested.trim());
        return tenantId();
    }

    /** Installs the principal of a non-JWT caller (an API key) for the rest of this request. */
    public void actAs(AuthPrincipal principal) {
        this.override = principal;
    }
}
