package io.fdl.runtime.auth;

import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Collection;
import java.util.Set;

/**
 * Who is calling, as read from a verified access token (api.md §3.1): subject, tenant (as the
 * UUID every stored row carries, plus the claim exactly as written, which flows receive as the
 * built-in {@code tenantId} input), business unit and roles with the implied lower roles
 * already added. Immutable; safe to hand to WebSocket sessions or services outside a request.
 */
public record AuthPrincipal(String username, String tenantId, String tenantClaim, String buCode, Set<String> roles) {
    public static final String CLAIM_TENANT = "tenant_id";
    public static final String CLAIM_BU = "bu_code";
    public static final String CLAIM_ROLES = "roles";
    /** Business unit used when a token carries no {@code bu_code}. */
    public static final String DEFAULT_BU = "default";

    public AuthPrincipal {
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(String role) { return roles.contains(role); }

    public boolean isSuperadmin() { return roles.contains(Roles.SUPERADMIN); }

    /**
     * Reads a verified token. Refuses (IllegalArgumentException) a refresh token, a token without
     * subject or tenant.
     */
    public static AuthPrincipal fromToken(JsonWebToken jwt) {
        Collection<String> raw = jwt.getGroups() == null ? Set.of() : jwt.getGroups();
        if (raw.contains(Roles.REFRESH)) throw new IllegalArgumentException("refresh token used as access token");
        String sub = jwt.getSubject();
        if (sub == null || sub.isBlank()) throw new IllegalArgumentException("token has no sub");
        String tenantClaim = stringClaim(jwt, CLAIM_TENANT);
        if (tenantClaim == null || tenantClaim.isBlank()) throw new IllegalArgumentException("token has no tenant_id");
        String bu = stringClaim(jwt, CLAIM_BU);
        String buCode = bu == null || bu.isBlank() ? DEFAULT_BU : bu;
        // A token granting none of the five roles still authenticates; every route then answers 403.
        Set<String> roles = Roles.expand(raw);
        return new AuthPrincipal(sub, TenantIds.toUuid(tenantClaim), tenantClaim, buCode, roles);
    }

    /** {@link #fromToken} with failures as Quarkus' AuthenticationFailedException (HTTP 401). */
    public static AuthPrincipal fromTokenOrFail(JsonWebToken jwt) {
        try {
            return fromToken(jwt);
        } catch (IllegalArgumentException e) {
            throw new io.quarkus.security.AuthenticationFailedException(e.getMessage());
        }
    }

    /** A string claim (SmallRye hands claims out as String or JSON-P values), else null. */
    static String stringClaim(JsonWebToken jwt, String name) {
        Object v = jwt.getClaim(name);
        if (v instanceof String s) return s;
        if (v instanceof jakarta.json.JsonString js) return js.getString();
        return null;
    }

    /** A string-array claim; missing or malformed → empty list. */
    static java.util.List<String> stringListClaim(JsonWebToken jwt, String name) {
        Object v = jwt.getClaim(name);
        java.util.List<String> out = new java.util.ArrayList<>();
        if (v instanceof jakarta.json.JsonArray arr) {
            for (jakarta.json.JsonValue item : arr) if (item instanceof jakarta.json.JsonString js) out.add(js.getString());
        } else if (v instanceof java.util.Collection<?> c) {
            for (Object item : c) if (item != null) out.add(item.toString());
        }
        return out;
    }
}
