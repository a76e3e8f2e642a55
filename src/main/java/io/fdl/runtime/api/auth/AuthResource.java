package io.fdl.runtime.api.auth;

import io.fdl.runtime.api.error.ApiException;
import io.fdl.runtime.auth.AuditService;
import io.fdl.runtime.auth.CurrentUser;
import io.fdl.runtime.auth.LoginService;
import io.fdl.runtime.auth.Roles;
import io.fdl.runtime.auth.TokenService.TokenPair;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.List;

/** Login and token refresh (api.md §3.1). Thin: the rules live in {@link LoginService}. */
@Path("/api/auth")
@Tag(name = "Auth", description = "Tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {
    /** Longest accepted username / tenant / bu string (they end up in tokens and logs). */
    static final int MAX_NAME = 200;

    @Inject
    LoginService login;
    @Inject
    AuditService audit;
    @Inject
    CurrentUser user;

    @POST
    @Path("/login")
    @PermitAll
    @Operation(summary = "Log in", description = "Dev mode: any credentials give an admin dev token. Otherwise the "
            + "stored user's bcrypt password is checked; 5 consecutive failures lock the account for 15 minutes.")
    @APIResponse(responseCode = "200", description = "{access_token, refresh_token, expires_in, token_type}")
    @APIResponse(responseCode = "400", description = "Missing username or password")
    @APIResponse(responseCode = "401", description = "INVALID_CREDENTIALS")
    @APIResponse(responseCode = "429", description = "ACCOUNT_LOCKED, with Retry-After")
    public Uni<TokenPair> login(AuthDtos.LoginRequest body) {
        if (body == null) throw ApiException.badRequest("INVALID_REQUEST", "Body {username, password} is required");
        requireText("username", body.username());
        requireText("password", body.password());
        optionalText("tenant_id", body.tenantId());
        optionalText("bu_code", body.buCode());
        return login.login(new LoginService.Credentials(body.username().trim(), body.password(), body.tenantId(),
                body.buCode(), audit.clientIp()));
    }

    @POST
    @Path("/refresh")
    @PermitAll
    @Operation(summary = "Exchange a refresh token for a new token pair")
    @APIResponse(responseCode = "200", description = "{access_token, refresh_token, expires_in, token_type}")
    @APIResponse(responseCode = "401", description = "INVALID_REFRESH_TOKEN")
    public Uni<TokenPair> refresh(AuthDtos.RefreshRequest body) {
        if (body == null || body.refreshToken() == null || body.refreshToken().isBlank()) {
            throw ApiException.badRequest("INVALID_REQUEST", "refresh_token is required");
        }
        return login.refresh(body.refreshToken());
    }

    @GET
    @Path("/me")
    @RolesAllowed(Roles.VIEWER)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "The caller as described by its access token")
    public AuthDtos.Me me() {
        List<String> roles = new ArrayList<>();
        for (String r : Roles.HIERARCHY) if (user.hasRole(r)) roles.add(r);
        return new AuthDtos.Me(user.username(), user.tenantId(), user.tenantClaim(), user.buCode(), roles,
                Roles.highest(user.roles()));
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("INVALID_REQUEST", field + " is required");
        }
        if (!"password".equals(field)) optionalText(field, value);
    }

    private static void optionalText(String field, String value) {
        if (value != null && (value.length() > MAX_NAME || value.chars().anyMatch(Character::isISOControl))) {
            throw ApiException.badRequest("INVALID_REQUEST", field + " must be at most " + MAX_NAME
                    + " printable characters");
        }
    }
}
