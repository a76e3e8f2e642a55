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
public record AuthPrincipal(String username, String tenantId, String tenantClaim, String buCode, Set<String> roles,
                            UserStamp stamp) {
    public static final String CLAIM_TENANT = "tenant_id";
    public static final String CLAIM_BU = "bu_code";
    public static final String CLAIM_ROLES = "roles";
    /** the stored user's id and token version, on tokens this service issued to a stored user */
    public static final String CLAIM_USER_ID = "uid";
    public static final String CLAIM_TOKEN_VERSION = "tv";

    /**
     * The stored user a token was issued to and the {@link io.fdl.runtime.store.User#tokenVersion} it
     * carries; null for tokens without (dev tokens, tokens minted by another service, API keys),
     * which cannot be revoked before they expire.
     */
    public record UserStamp(java.util.UUID userId, int tokenVersion) {}

    public AuthPrincipal(String username, String tenantId, String tenantClaim, String buCode, Set<String> roles) {
        this(username, tenantId, tenantClaim, buCode, roles, null);
    }
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
        checkIssuedAt(jwt);
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
        return new AuthPrincipal(sub, TenantIds.toUuid(tenantClaim), tenantClaim, buCode, roles, stamp(jwt));
    }

    /** How far in the future {@code iat} may lie (clock drift between replicas or a token service). */
    public static final long MAX_IAT_SKEW_SECONDS = 60;

    /**
     * Refuses a token "issued" more than {@value #MAX_IAT_SKEW_SECONDS} s from now: jose4j checks
     * only exp/nbf, and a far-future iat is a forged or broken token, never clock drift.
     */
    static void checkIssuedAt(JsonWebToken jwt) {
        long iat = jwt.getIssuedAtTime();
        if (iat > java.time.Instant.now().getEpochSecond() + MAX_IAT_SKEW_SECONDS) {
            throw new IllegalArgumentException("token issued in the future (iat)");
        }
    }

    /** {@link #fromToken} with failures as Quarkus' AuthenticationFailedException (HTTP 401). */
    public static AuthPrincipal fromTokenOrFail(JsonWebToken jwt) {
        try {
            return fromToken(jwt);
        } catch (IllegalArgumentException e) {
            throw new io.quarkus.security.AuthenticationFailedException(e.getMessage());
        }
    }

    private static UserStamp stamp(JsonWebToken jwt) {
        String uid = stringClaim(jwt, CLAIM_USER_ID);
        Object tv = jwt.getClaim(CLAIM_TOKEN_VERSION);
        if (uid == null && tv == null) return null;
        long version = tv instanceof Number n ? n.longValue()
                : tv instanceof jakarta.json.JsonNumber jn ? jn.longValue() : -1;
        try {
            if (uid != null && version >= 0 && version <= Integer.MAX_VALUE) {
                return new UserStamp(java.util.UUID.fromString(uid), (int) version);
            }
        } catch (IllegalArgumentException e) {
            // falls through: a half or malformed stamp is refused below
        }
        throw new IllegalArgumentException("token has a malformed uid/tv");
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
