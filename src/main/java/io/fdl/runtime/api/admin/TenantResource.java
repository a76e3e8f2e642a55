package io.fdl.runtime.api.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.fdl.runtime.api.admin.AdminDtos.CreateTenantRequest;
import io.fdl.runtime.api.admin.AdminDtos.Deleted;
import io.fdl.runtime.api.admin.AdminDtos.TenantList;
import io.fdl.runtime.api.admin.AdminDtos.TenantView;
import io.fdl.runtime.api.error.ApiException;
import io.fdl.runtime.auth.Roles;
import io.fdl.runtime.auth.TenantIds;
import io.fdl.runtime.auth.TenantService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

/** Tenant management (api.md §9), superadmin only. {@code {id}} is a tenant UUID or name. */
@Path("/api/tenants")
@Tag(name = "Tenants")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.SUPERADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TenantResource {

    @Inject
    TenantService service;

    @GET
    @Operation(summary = "List tenants")
    public Uni<TenantList> list() {
        return service.list().map(ts -> new TenantList(ts.stream().map(TenantView::of).toList(), ts.size()));
    }

    @POST
    @Operation(summary = "Register a tenant with its quotas")
    @APIResponse(responseCode = "201", description = "The tenant")
    @APIResponse(responseCode = "409", description = "TENANT_EXISTS")
    public Uni<Response> create(CreateTenantRequest body) {
        if (body == null) throw ApiException.badRequest("INVALID_REQUEST", "Body is required");
        return service.create(new TenantService.NewTenant(body.id(), body.buCode(), body.name(), body.description(),
                        body.config(), body.maxFlows(), body.maxExecutionsPerDay(), body.active()))
                .map(t -> Response.created(URI.create("/api/tenants/" + t.id())).entity(TenantView.of(t)).build());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a tenant")
    @APIResponse(responseCode = "404", description = "NOT_FOUND")
    public Uni<TenantView> get(@Parameter(description = "tenant UUID or name") @PathParam("id") String id) {
        return service.get(tenantId(id)).map(TenantView::of);
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Update a tenant", description = "Only the fields present change; a null quota means unlimited")
    @RequestBody(content = @org.eclipse.microprofile.openapi.annotations.media.Content(
            schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = CreateTenantRequest.class)))
    public Uni<TenantView> update(@PathParam("id") String id, JsonNode body) {
        return service.update(tenantId(id), body).map(TenantView::of);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a tenant registration", description = "Its data is kept; default cannot be deleted")
    @APIResponse(responseCode = "409", description = "DEFAULT_TENANT")
    public Uni<Deleted> delete(@PathParam("id") String id) {
        UUID tenant = tenantId(id);
        return service.delete(tenant).replaceWith(new Deleted(true, tenant.toString()));
    }

    private static UUID tenantId(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > 200) throw ApiException.notFound("Tenant not found");
        return UUID.fromString(TenantIds.toUuid(raw));
    }
}
