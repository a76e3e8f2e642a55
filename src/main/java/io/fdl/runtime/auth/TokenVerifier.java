package io.fdl.runtime.auth;

import io.quarkus.security.AuthenticationFailedException;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies a raw JWT outside the HTTP security layer, with exactly the rules of the REST routes
 * ({@link JwtVerification}): for WebSocket upgrades with {@code ?token=} and the JSON-RPC
 * {@code auth} call. Pure CPU work (HMAC), safe on the event loop.
 */
@ApplicationScoped
public class TokenVerifier {

    @Inject
    JWTParser parser;

    /** The caller of an access token; AuthenticationFailedException for anything not acceptable. */
    public AuthPrincipal verifyAccessToken(String token) {
        return AuthPrincipal.fromTokenOrFail(parse(token));
    }

    /** Parses and verifies signature, issuer and expiry only (used for refresh tokens). */
    JsonWebToken parse(String token) {
        if (token == null || token.isBlank()) throw new AuthenticationFailedException("missing token");
        String t = token.startsWith("Bearer ") ? token.substring(7).trim() : token.trim();
        try {
            return parser.parse(t);
        } catch (ParseException e) {
            throw new AuthenticationFailedException("invalid token");
        }
    }
}
