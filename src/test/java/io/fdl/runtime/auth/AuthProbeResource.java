package io.fdl.runtime.auth;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import java.util.Map;
import java.util.TreeSet;

/** Test-only routes exercising the JWT layer and the role hierarchy independently of real resources. */
@Path("/api/test-auth")
public class AuthProbeResource {

    @Inject
    CurrentUser user;

    @GET
    @Path("/whoami")
    @RolesAllowed(Roles.VIEWER)
    public Map<String, Object> whoami(@QueryParam("tenant_id") String requested) {
        return Map.of("username", user.username(), "tenant_id", user.tenantId(), "tenant_claim", user.tenantClaim(),
                "bu_code", user.buCode(), "roles", new TreeSet<>(user.roles()), "superadmin", user.isSuperadmin(),
                "acting_tenant", user.tenantFor(requested));
    }

    @GET
    @Path("/role/{role}")
    @RolesAllowed(Roles.VIEWER)
    public Map<String, Object> viewer(@PathParam("role") String role) { return Map.of("ok", true); }

    @GET
    @Path("/executor")
    @RolesAllowed(Roles.EXECUTOR)
    public Map<String, Object> executor() { return Map.of("ok", true); }

    @GET
    @Path("/editor")
    @RolesAllowed(Roles.EDITOR)
    public Map<String, Object> editor() { return Map.of("ok", true); }

    @GET
    @Path("/admin")
    @RolesAllowed(Roles.ADMIN)
    public Map<String, Object> admin() { return Map.of("ok", true); }

    @GET
    @Path("/superadmin")
    @RolesAllowed(Roles.SUPERADMIN)
    public Map<String, Object> superadmin() { return Map.of("ok", true); }

    /** No annotation: protected only by the /api/** "authenticated" path policy. */
    @GET
    @Path("/plain")
    public Map<String, Object> plain() { return Map.of("ok", true); }
}
