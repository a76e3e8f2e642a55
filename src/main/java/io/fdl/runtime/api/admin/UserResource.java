package io.fdl.runtime.api.admin;

import io.fdl.runtime.api.admin.AdminDtos.CreateUserRequest;
import io.fdl.runtime.api.admin.AdminDtos.Deleted;
import io.fdl.runtime.api.admin.AdminDtos.UpdateUserRequest;
import io.fdl.runtime.api.admin.AdminDtos.UserList;
import io.fdl.runtime.api.admin.AdminDtos.UserView;
import io.fdl.runtime.api.error.ApiException;
import io.fdl.runtime.auth.CurrentUser;
import io.fdl.runtime.auth.Roles;
import io.fdl.runtime.auth.UserService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

/**
 * Users of the caller's tenant (api.md §9), admin only. A superadmin may address another tenant
 * with {@code ?tenant_id=}; for everyone else the parameter is ignored (api.md §3.2).
 */
@Path("/api/users")
@Tag(name = "Users")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserResource {

    @Inject
    UserService service;
    @Inject
    CurrentUser user;

    @GET
    @Operation(summary = "List the tenant's users")
    public Uni<UserList> list(@Parameter(description = "superadmin only") @QueryParam("tenant_id") String tenant) {
        return service.list(tenant(tenant)).map(us -> new UserList(us.stream().map(UserView::of).toList(), us.size()));
    }

    @POST
    @Operation(summary = "Create a user", description = "Password stored as bcrypt; never returned")
    @APIResponse(responseCode = "201", description = "The user")
    @APIResponse(responseCode = "409", description = "USER_EXISTS")
    public Uni<Response> create(@QueryParam("tenant_id") String tenant, CreateUserRequest body) {
        if (body == null) throw ApiException.badRequest("INVALID_REQUEST", "Body is required");
        return service.create(tenant(tenant), user.principal(),
                        new UserService.NewUser(body.username(), body.password(), body.roles(), body.buCode()))
                .map(u -> Response.created(URI.create("/api/users/" + u.id())).entity(UserView.of(u)).build());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a user")
    @APIResponse(responseCode = "404", description = "NOT_FOUND (also for another tenant's user)")
    public Uni<UserView> get(@QueryParam("tenant_id") String tenant, @PathParam("id") String id) {
        return service.get(tenant(tenant), Params.pathId(id, "User")).map(UserView::of);
    }

    @PATCH
    @Path("/{id}")
    @Operation(summary = "Change a user's roles or disable it", description = "Revokes the user's tokens at their next request")
    @APIResponse(responseCode = "404", description = "NOT_FOUND (also for another tenant's user)")
    @APIResponse(responseCode = "409", description = "CANNOT_CHANGE_SELF")
    public Uni<UserView> update(@QueryParam("tenant_id") String tenant, @PathParam("id") String id, UpdateUserRequest body) {
        if (body == null) throw ApiException.badRequest("INVALID_REQUEST", "Body is required");
        return service.update(tenant(tenant), user.principal(), Params.pathId(id, "User"),
                new UserService.Change(body.roles(), body.disabled())).map(UserView::of);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a user")
    @APIResponse(responseCode = "404", description = "NOT_FOUND (also for another tenant's user)")
    @APIResponse(responseCode = "409", description = "CANNOT_DELETE_SELF")
    public Uni<Deleted> delete(@QueryParam("tenant_id") String tenant, @PathParam("id") String id) {
        UUID userId = Params.pathId(id, "User");
        return service.delete(tenant(tenant), user.principal(), userId).replaceWith(new Deleted(true, userId.toString()));
    }

    private UUID tenant(String requested) {
        return UUID.fromString(user.tenantFor(requested));
    }
}
