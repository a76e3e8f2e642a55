package io.fdl.runtime.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fdl.runtime.config.FdlConfig;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.security.AuthenticationFailedException;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Issues the token pair of {@code /api/auth/login} and {@code /api/auth/refresh} (api.md §3.1)
 * with SmallRye jwt-build, HS256 over the same secret the verifier uses.
 *
 * <p>Access token claims: {@code sub, tenant_id, bu_code, roles, iat, exp, iss, jti}. The refresh
 * token carries {@code roles: ["refresh"]} (so it can never pass as an access token), the roles it
 * may re-issue in {@value #CLAIM_GRANTED_ROLES}, and {@code token_use: "refresh"}.
 */
@ApplicationScoped
public class TokenService {
    public static final String CLAIM_GRANTED_ROLES = "granted_roles";
    public static final String CLAIM_TOKEN_USE = "token_use";
    public static final String CLAIM_DEV = "dev";

    @Inject
    FdlConfig config;
    @Inject
    JwtVerification verification;
    @Inject
    TokenVerifier verifier;

    static final String DEV_WARNING = "development token: dev mode accepts any credentials (FDL_DEV_MODE=true); "
            + "never use dev mode in production";

    /**
     * The login/refresh response body; {@code dev_token}/{@code warning} appear only on dev-mode
     * tokens (api.md §3.1: "the response says it is a dev token").
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TokenPair(String access_token, String refresh_token, long expires_in, String token_type,
                            Boolean dev_token, String warning) {
    }

    /**
     * Signs an access + refresh pair.
     *
     * @param tenantClaim the tenant as the caller names it ({@code default}, a name or a UUID)
     * @param dev         marks dev-mode tokens (claim {@code dev: true}, field {@code dev_token})
     */
    public TokenPair issue(String subject, String tenantClaim, String buCode, Collection<String> roles, boolean dev) {
        return issue(subject, tenantClaim, buCode, roles, dev, null);
    }

    /** A pair for a stored user: its current roles, stamped with its id and token version (revocable). */
    public TokenPair issueFor(io.fdl.runtime.store.User user, String tenantClaim, String buCode) {
        return issue(user.username(), tenantClaim, buCode, user.roles(), false,
                new AuthPrincipal.UserStamp(user.id(), user.tokenVersion()));
    }

    private TokenPair issue(String subject, String tenantClaim, String buCode, Collection<String> roles, boolean dev,
                            AuthPrincipal.UserStamp stamp) {
        Instant now = Instant.now();
        long accessTtl = config.jwtAccessTtl();
        List<String> granted = new ArrayList<>(roles);
        granted.remove(Roles.REFRESH);
        var access = Jwt.claims()
                .issuer(JwtVerification.ISSUER)
                .subject(subject)
                .claim(AuthPrincipal.CLAIM_TENANT, tenantClaim)
                .claim(AuthPrincipal.CLAIM_BU, buCode)
                .claim(AuthPrincipal.CLAIM_ROLES, granted)
                .claim("jti", UUID.randomUUID().toString())
                .issuedAt(now)
                .expiresAt(now.plusSeconds(accessTtl));
        if (dev) access.claim(CLAIM_DEV, true);
        if (stamp != null) {
            access.claim(AuthPrincipal.CLAIM_USER_ID, stamp.userId().toString())
                    .claim(AuthPrincipal.CLAIM_TOKEN_VERSION, stamp.tokenVersion());
        }
        var refresh = Jwt.claims()
                .issuer(JwtVerification.ISSUER)
                .subject(subject)
                .claim(AuthPrincipal.CLAIM_TENANT, tenantClaim)
                .claim(AuthPrincipal.CLAIM_BU, buCode)
                .claim(AuthPrincipal.CLAIM_ROLES, List.of(Roles.REFRESH))
                .claim(CLAIM_GRANTED_ROLES, granted)
                .claim(CLAIM_TOKEN_USE, "refresh")
                .claim("jti", UUID.randomUUID().toString())
                .issuedAt(now)
                .expiresAt(now.plusSeconds(config.jwtRefreshTtl()));
        if (dev) refresh.claim(CLAIM_DEV, true);
        return new TokenPair(sign(access.jws()), sign(refresh.jws()), accessTtl, "Bearer", dev ? Boolean.TRUE : null,
                dev ? DEV_WARNING : null);
    }

    /** What a verified refresh token says; AuthenticationFailedException unless it is one. */
    public RefreshClaims readRefreshToken(String token) {
        JsonWebToken jwt = verifier.parse(token);
        if (jwt.getGroups() == null || !jwt.getGroups().contains(Roles.REFRESH)) {
            throw new AuthenticationFailedException("not a refresh token");
        }
        try {
            AuthPrincipal.checkIssuedAt(jwt);
        } catch (IllegalArgumentException e) {
            throw new AuthenticationFailedException(e.getMessage());
        }
        String sub = jwt.getSubject();
        String tenant = AuthPrincipal.stringClaim(jwt, AuthPrincipal.CLAIM_TENANT);
        if (sub == null || sub.isBlank() || tenant == null || tenant.isBlank()) {
            throw new AuthenticationFailedException("refresh token lacks sub or tenant_id");
        }
        String bu = AuthPrincipal.stringClaim(jwt, AuthPrincipal.CLAIM_BU);
        List<String> granted = AuthPrincipal.stringListClaim(jwt, CLAIM_GRANTED_ROLES);
        Object dev = jwt.getClaim(CLAIM_DEV);
        boolean isDev = dev instanceof Boolean b ? b : dev instanceof jakarta.json.JsonValue v && v == jakarta.json.JsonValue.TRUE;
        return new RefreshClaims(sub, tenant, bu == null || bu.isBlank() ? AuthPrincipal.DEFAULT_BU : bu, granted, isDev);
    }

    public record RefreshClaims(String subject, String tenantClaim, String buCode, List<String> grantedRoles,
                                boolean dev) {
    }

    private String sign(io.smallrye.jwt.build.JwtSignatureBuilder jws) {
        return jws.algorithm(SignatureAlgorithm.HS256).header("typ", "JWT").sign(verification.key());
    }
}
