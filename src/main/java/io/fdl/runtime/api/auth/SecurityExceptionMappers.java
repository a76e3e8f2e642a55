package io.fdl.runtime.api.auth;

import io.fdl.runtime.api.error.ErrorBody;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;


/**
 * Renders Quarkus security failures in the api.md §2 envelope: 401 {@code UNAUTHORIZED} (no,
 * malformed, forged, expired, wrong-issuer, refresh token…) with {@code WWW-Authenticate: Bearer},
 * 403 {@code FORBIDDEN} (authenticated, role too low). The reason of a 401 is logged at debug level
 * only and never echoed: a client learns nothing about why its token was refused.
 */
public class SecurityExceptionMappers {
    private static final Logger LOG = Logger.getLogger(SecurityExceptionMappers.class);

    @ServerExceptionMapper(priority = 1)
    public Response unauthorized(UnauthorizedException e) {
        return unauthorizedResponse("Authentication required");
    }

    @ServerExceptionMapper(priority = 1)
    public Response authenticationFailed(AuthenticationFailedException e) {
        LOG.debugf("authentication failed: %s", e.getMessage());
        return unauthorizedResponse("Invalid or expired token");
    }

    @ServerExceptionMapper(priority = 1)
    public Response authenticationCompletion(AuthenticationCompletionException e) {
        return unauthorizedResponse("Invalid or expired token");
    }

    @ServerExceptionMapper(priority = 1)
    public Response forbidden(ForbiddenException e) {
        return json(403, "Insufficient role for this operation", "FORBIDDEN").build();
    }

    static Response unauthorizedResponse(String message) {
        return json(401, message, "UNAUTHORIZED").header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    static Response.ResponseBuilder json(int status, String message, String code) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(ErrorBody.of(message, code));
    }
}
