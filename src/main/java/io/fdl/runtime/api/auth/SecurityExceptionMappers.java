package io.fdl.runtime.api.auth;

import io.fdl.runtime.api.error.ErrorBody;
import io.fdl.runtime.auth.AuditEvents;
import io.fdl.runtime.auth.AuditService;
import io.fdl.runtime.auth.AuthPrincipal;
import io.fdl.runtime.auth.CurrentUser;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;


/**
 * Renders Quarkus security failures in the api.md §2 envelope: 401 {@code UNAUTHORIZED} (no,
 * malformed, forged, expired, wrong-issuer, refresh token…) with {@code WWW-Authenticate: Bearer},
 * 403 {@code FORBIDDEN} (authenticated, role too low). The reason of a 401 is logged at debug level
 * only and never echoed: a client learns nothing about why its token was refused.
 */
public class SecurityExceptionMappers {
    private static final Logger LOG = Logger.getLogger(SecurityExceptionMappers.class);

    @Inject
    CurrentUser user;
    @Inject
    AuditService audit;

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
    public Response forbidden(ForbiddenException e, UriInfo uri, Request request) {
        auditDenied(uri, request);
        return json(403, "Insufficient role for this operation", "FORBIDDEN").build();
    }

    /**
     * A refused route is audited as {@code tenant.access_denied} in the caller's tenant, without
     * delaying the 403 (best effort: an audit failure is only logged).
     */
    private void auditDenied(UriInfo uri, Request request) {
        try {
            if (!user.isAuthenticated()) return;
            AuthPrincipal p = user.principal();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("method", request.getMethod());
            details.put("path", uri.getPath());
            details.put("roles", p.roles());
            audit.appendQuietly(UUID.fromString(p.tenantId()), p.username(), AuditEvents.TENANT_ACCESS_DENIED,
                    "route", null, details, audit.clientIp()).subscribe().with(ok -> { }, err -> { });
        } catch (RuntimeException ex) {
            LOG.debugf("access-denied audit skipped: %s", ex.toString());
        }
    }

    static Response unauthorizedResponse(String message) {
        return json(401, message, "UNAUTHORIZED").header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    static Response.ResponseBuilder json(int status, String message, String code) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(ErrorBody.of(message, code));
    }
}
